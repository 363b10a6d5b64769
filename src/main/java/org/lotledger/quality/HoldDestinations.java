package org.lotledger.quality;

import java.util.List;
import java.util.Map;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.common.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Where held stock goes when it leaves its location: the warehouse's SCRAP location, or a return-to-vendor staging location. */
@Component
public class HoldDestinations {

    private final CatalogQueries catalog;
    private final JdbcTemplate jdbc;

    public HoldDestinations(CatalogQueries catalog, JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /** The SCRAP location of the warehouse of {@code locationId}. */
    public long scrapLocationFor(long locationId) {
        return catalog.warehouseLocationId(warehouseOf(locationId), LocationKind.SCRAP);
    }

    /** The first active location (by code) of a REJECT_STAGING zone of the stock's warehouse that takes HOLD stock of its temperature class. */
    public long stagingFor(long lotId, long locationId) {
        long warehouseId = warehouseOf(locationId);
        List<Long> found = jdbc.queryForList("""
                select loc.id from location loc join zone z on z.id = loc.zone_id
                 where loc.warehouse_id = ? and loc.kind = 'PHYSICAL' and loc.active and z.active
                   and z.zone_type = 'REJECT_STAGING' and 'HOLD' = any(z.allowed_statuses)
                   and (select i.temperature_class from lot l join item i on i.id = l.item_id where l.id = ?)
                       = any(z.allowed_temperature_classes)
                 order by loc.code limit 1""", Long.class, warehouseId, lotId);
        if (found.isEmpty()) {
            throw DomainException.unprocessable(
                    "NO_RTV_STAGING_LOCATION",
                    "Warehouse " + warehouseId + " has no "
                            + "active reject-staging location that takes this lot on hold.",
                    Map.of("warehouseId", warehouseId));
        }
        return found.get(0);
    }

    private long warehouseOf(long locationId) {
        Long wh = catalog.findLocation(locationId).map(l -> l.warehouseId()).orElse(null);
        if (wh == null) {
            throw DomainException.notFound(
                    "UNKNOWN_LOCATION",
                    "Location " + locationId + " is no warehouse location.",
                    Map.of("locationId", locationId));
        }
        return wh;
    }
}
