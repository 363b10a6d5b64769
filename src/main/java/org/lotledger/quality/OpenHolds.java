package org.lotledger.quality;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether an open hold covers stock: a hold on the lot, or a hold on the location. The inspection process asks
 * this before it releases QUARANTINE stock (which a hold does not move but must keep from being released).
 */
@Component
public class OpenHolds {

    private final JdbcTemplate jdbc;

    public OpenHolds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean covers(long lotId, long locationId) {
        return !covering(lotId, locationId).isEmpty();
    }

    /** The open holds covering a lot at a location, oldest first. */
    public List<Long> covering(long lotId, long locationId) {
        return jdbc.queryForList("""
                select id from quality_hold
                 where state = 'OPEN' and ((scope = 'LOT' and lot_id = ?) or (scope = 'LOCATION' and location_id = ?))
                 order by id""", Long.class, lotId, locationId);
    }

    /** Which of these lots an open hold on the lot covers (a recall places one): allocation never takes them. */
    public java.util.Set<Long> lotsUnderHold(java.util.Collection<Long> lotIds) {
        if (lotIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.queryForList(
                "select distinct lot_id from quality_hold where state = 'OPEN' and scope = 'LOT' and lot_id = any(?)",
                Long.class,
                (Object) lotIds.toArray(Long[]::new)));
    }

    /** The oldest open hold other than {@code holdId} that covers a lot at a location. */
    public Optional<Long> otherThan(long holdId, long lotId, long locationId) {
        return covering(lotId, locationId).stream().filter(id -> id != holdId).findFirst();
    }
}
