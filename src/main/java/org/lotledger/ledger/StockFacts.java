package org.lotledger.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the ledger needs to know about lots and locations to check a posting, read straight from the catalog
 * tables in the posting's own transaction: one query for all locations of a posting (the lots' facts come with
 * their locks, see {@link Ledger}). The catalog's own lookups ({@code CatalogQueries}) read one row at a time
 * through JPA, which would add a round trip per location to every posting.
 */
@Component
public class StockFacts {

    /** A lot as the ledger sees it: its actual unit cost travels with every leg (ADR 0004). */
    public record LotFacts(long lotId, String internalLabel, long itemId, String temperatureClass, String baseUom,
                           BigDecimal unitCost, String currency) {
    }

    /** A location and, for a physical one, what its zone accepts. */
    public record LocationFacts(long locationId, String code, LocationKind kind, boolean active, Long warehouseId,
                                Long destinationWarehouseId, Set<StockStatus> allowedStatuses,
                                Set<String> allowedTemperatureClasses, BigDecimal capacity) {
    }

    private final JdbcTemplate jdbc;

    public StockFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, LocationFacts> locations(Collection<Long> locationIds) {
        Map<Long, LocationFacts> out = new HashMap<>();
        jdbc.query("""
                select l.id, l.code, l.kind, l.active, l.warehouse_id, l.destination_warehouse_id,
                       z.allowed_statuses, z.allowed_temperature_classes, l.capacity_base_units
                  from location l left join zone z on z.id = l.zone_id
                 where l.id = any(?)""", rs -> {
            out.put(rs.getLong(1), new LocationFacts(rs.getLong(1), rs.getString(2), LocationKind.valueOf(rs.getString(3)),
                    rs.getBoolean(4), (Long) rs.getObject(5), (Long) rs.getObject(6), statuses(rs.getArray(7)),
                    strings(rs.getArray(8)), rs.getBigDecimal(9)));
        }, (Object) locationIds.toArray(Long[]::new));
        return out;
    }

    /**
     * The go-live dates of the warehouses of these locations (warehouse id to date), where one is set: nothing can
     * have happened there before it. Read only for postings that carry their own {@code occurredAt}.
     */
    public Map<Long, LocalDate> goLiveDates(Collection<Long> locationIds) {
        Map<Long, LocalDate> out = new HashMap<>();
        jdbc.query("""
                select w.id, w.go_live_on from location l join warehouse w on w.id = l.warehouse_id
                 where l.id = any(?) and w.go_live_on is not null""",
                rs -> {
                    out.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                }, (Object) locationIds.toArray(Long[]::new));
        return out;
    }

    private static Set<StockStatus> statuses(Array array) throws SQLException {
        Set<StockStatus> out = EnumSet.noneOf(StockStatus.class);
        for (String s : strings(array)) {
            out.add(StockStatus.valueOf(s));
        }
        return out;
    }

    private static Set<String> strings(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return Set.of((String[]) array.getArray());
    }
}
