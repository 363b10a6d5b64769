package org.lotledger.ledger;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.ledger.StockFacts.Earlier;
import org.lotledger.ledger.StockFacts.Head;
import org.lotledger.ledger.StockFacts.LocationFacts;
import org.lotledger.ledger.StockFacts.LotFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;

/**
 * Locks a posting's lots and reads everything the gate checks it against, in one round trip: six statements sent
 * together (the driver sends them with one sync and reads the six answers). The first locks the lots' heads
 * {@code for update} in ascending lot id, the order {@link LotLocks} takes them in too, so two postings sharing lots
 * never deadlock; it brings the lots' facts along. The others read the posting already recorded under the
 * idempotency key with the database clock, the locations' facts with their warehouses' go-live dates, the kept
 * balances of the posting's lots at its locations, what the capacity-bound target locations hold, and the pending
 * reservations of the posting's lots at its locations with the reservations the request names (ADR 0011: one probe
 * of a partial index per lot and location, in the same round trip; nothing comes back where nothing is reserved).
 *
 * <p>Separate statements, not one statement with common table expressions: under READ COMMITTED each statement
 * reads a snapshot taken when it starts, so only a statement that starts after the lock was granted sees what the
 * posting that held the lock before us committed. One statement would read the balances as they were before it
 * waited for the lock. A refused posting releases the locks when it rolls back.
 */
final class GateReads {

    static final String SQL = """
            select h.lot_id, h.last_seq, h.last_recorded_at, l.internal_label, l.item_id, i.temperature_class,
                   i.base_uom, l.unit_cost, l.currency
              from lot_ledger_head h join lot l on l.id = h.lot_id join item i on i.id = l.item_id
             where h.lot_id = any(?) order by h.lot_id for update of h;
            select p.id, p.request_fingerprint, clock_timestamp()
              from (select 1) as one left join posting p on p.idempotency_key = ?;
            select l.id, l.code, l.kind, l.active, l.warehouse_id, l.destination_warehouse_id,
                   z.allowed_statuses, z.allowed_temperature_classes, l.capacity_base_units, w.go_live_on,
                   z.zone_type
              from location l left join zone z on z.id = l.zone_id left join warehouse w on w.id = l.warehouse_id
             where l.id = any(?);
            select b.lot_id, b.location_id, b.status, b.quantity
              from unnest(?::bigint[], ?::bigint[]) as k(lot_id, location_id)
              join stock_balance b on b.lot_id = k.lot_id and b.location_id = k.location_id;
            select l.id, (select coalesce(sum(b.quantity), 0) from stock_balance b where b.location_id = l.id)
              from location l
             where l.id = any(?) and l.capacity_base_units is not null;
            select %s
              from unnest(?::bigint[], ?::bigint[]) as k(lot_id, location_id)
              join stock_reservation r
                on r.lot_id = k.lot_id and r.location_id = k.location_id and r.state = 'PENDING'
            union
            select %s from stock_reservation r where r.id = any(?)""".formatted(ReservationRows.COLUMNS, ReservationRows.COLUMNS);

    private final JdbcTemplate jdbc;

    GateReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the request's lots and reads the facts the gate needs, in the caller's transaction. */
    StockFacts lockAndRead(PostingRequest r) {
        var lotIds = new TreeSet<Long>();
        var locationIds = new TreeSet<Long>();
        var targets = new TreeSet<Long>();
        var lotsAt = new LinkedHashSet<HeldStock.LotAt>();
        for (Movement m : r.movements()) {
            lotIds.add(m.lotId());
            locationIds.add(m.fromLocationId());
            locationIds.add(m.toLocationId());
            targets.add(m.toLocationId());
            lotsAt.add(new HeldStock.LotAt(m.lotId(), m.fromLocationId()));
            lotsAt.add(new HeldStock.LotAt(m.lotId(), m.toLocationId()));
        }
        return jdbc.execute(SQL, (PreparedStatementCallback<StockFacts>) ps -> {
            ps.setObject(1, lotIds.toArray(Long[]::new));
            ps.setString(2, r.idempotencyKey());
            ps.setObject(3, locationIds.toArray(Long[]::new));
            ps.setObject(4, lotsAt.stream().map(HeldStock.LotAt::lotId).toArray(Long[]::new));
            ps.setObject(5, lotsAt.stream().map(HeldStock.LotAt::locationId).toArray(Long[]::new));
            ps.setObject(6, targets.toArray(Long[]::new));
            ps.setObject(7, lotsAt.stream().map(HeldStock.LotAt::lotId).toArray(Long[]::new));
            ps.setObject(8, lotsAt.stream().map(HeldStock.LotAt::locationId).toArray(Long[]::new));
            ps.setObject(9, named(r));
            ps.execute();
            return read(ps);
        });
    }

    private static StockFacts read(PreparedStatement ps) throws SQLException {
        Map<Long, Head> heads = new LinkedHashMap<>();
        Map<Long, LotFacts> lots = new HashMap<>();
        try (ResultSet rs = ps.getResultSet()) {
            while (rs.next()) {
                long lot = rs.getLong(1);
                Timestamp ts = rs.getTimestamp(3);
                heads.put(
                        lot,
                        new Head(lot, rs.getLong(2), ts == null || ts.getTime() < 0 ? Instant.EPOCH : ts.toInstant()));
                lots.put(
                        lot,
                        new LotFacts(
                                lot,
                                rs.getString(4),
                                rs.getLong(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getBigDecimal(8),
                                rs.getString(9).trim()));
            }
        }
        Earlier earlier;
        Instant clock;
        try (ResultSet rs = next(ps)) {
            rs.next();
            earlier = rs.getObject(1) == null ? null : new Earlier(rs.getLong(1), rs.getString(2));
            clock = rs.getTimestamp(3).toInstant();
        }
        Map<Long, LocationFacts> locations = new HashMap<>();
        Map<Long, LocalDate> goLive = new HashMap<>();
        try (ResultSet rs = next(ps)) {
            while (rs.next()) {
                Long warehouse = (Long) rs.getObject(5);
                locations.put(
                        rs.getLong(1),
                        new LocationFacts(
                                rs.getLong(1),
                                rs.getString(2),
                                LocationKind.valueOf(rs.getString(3)),
                                rs.getBoolean(4),
                                warehouse,
                                (Long) rs.getObject(6),
                                statuses(rs.getArray(7)),
                                strings(rs.getArray(8)),
                                rs.getBigDecimal(9),
                                rs.getString(11)));
                LocalDate day = rs.getObject(10, LocalDate.class);
                if (day != null) {
                    goLive.put(warehouse, day);
                }
            }
        }
        Map<Bucket, BigDecimal> balances = new HashMap<>();
        try (ResultSet rs = next(ps)) {
            while (rs.next()) {
                balances.put(
                        new Bucket(rs.getLong(1), rs.getLong(2), StockStatus.valueOf(rs.getString(3))),
                        rs.getBigDecimal(4));
            }
        }
        Map<Long, BigDecimal> heldAt = new HashMap<>();
        try (ResultSet rs = next(ps)) {
            while (rs.next()) {
                heldAt.put(rs.getLong(1), rs.getBigDecimal(2));
            }
        }
        Map<Long, Reservation> reservations = new HashMap<>();
        try (ResultSet rs = next(ps)) {
            while (rs.next()) {
                Reservation res = ReservationRows.map(rs);
                reservations.put(res.id(), res);
            }
        }
        return new StockFacts(heads, lots, locations, goLive, balances, heldAt, clock, earlier, reservations);
    }

    private static Long[] named(PostingRequest r) {
        var ids = new TreeSet<Long>();
        r.consumes().forEach(c -> ids.add(c.reservationId()));
        r.voids().forEach(v -> ids.add(v.reservationId()));
        return ids.toArray(Long[]::new);
    }

    private static ResultSet next(PreparedStatement ps) throws SQLException {
        if (!ps.getMoreResults()) {
            throw new IllegalStateException("the gate's reads answered fewer result sets than they ask for");
        }
        return ps.getResultSet();
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
