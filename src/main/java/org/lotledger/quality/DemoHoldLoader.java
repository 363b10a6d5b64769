package org.lotledger.quality;

import java.util.List;
import java.util.Set;
import org.lotledger.common.Actor;
import org.lotledger.platform.security.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo's held lot (issue 9, §10): HOLD stock exists only under a quality hold, so quinn places one through
 * {@link PlacingHold} as she would through {@code POST /api/holds}, after the demo stock (order 20) and before the
 * demo orders (30). Idempotent by its request key: once placed, a restart places nothing, also after the hold has
 * been released, scrapped or returned in the demo. Only with {@code lotledger.demo.enabled=true}, so never in prod.
 */
@Component
@ConditionalOnProperty(name = "lotledger.demo.enabled", havingValue = "true")
public class DemoHoldLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoHoldLoader.class);
    static final Actor QUINN = new Actor("quinn", Set.of(Groups.QUALITY));

    /** sku, supplier code, lot number, reason, note */
    record DemoHold(String sku, String supplier, String lotNumber, HoldReason reason, String note) {
        String requestKey() {
            return "demo:hold:" + sku + ":" + supplier + ":" + lotNumber;
        }
    }

    static final List<DemoHold> HOLDS = List.of(new DemoHold(
            "INS-GLA-PEN",
            "GLUCORA",
            "AB0977",
            HoldReason.SUPPLIER_NOTICE,
            "demo data: supplier notice of a possible cold-chain break in transport"));

    private final PlacingHold placing;
    private final QualityHolds holds;
    private final JdbcTemplate jdbc;

    public DemoHoldLoader(PlacingHold placing, QualityHolds holds, JdbcTemplate jdbc) {
        this.placing = placing;
        this.holds = holds;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(25)
    public void load() {
        int placed = 0;
        for (DemoHold h : HOLDS) {
            if (holds.placedWithKey(h.requestKey())) {
                continue;
            }
            List<Long> lot = jdbc.queryForList("""
                    select l.id from lot l join item i on i.id = l.item_id join supplier s on s.id = l.supplier_id
                     where i.sku = ? and s.code = ? and l.lot_number = ?""", Long.class, h.sku(), h.supplier(), h.lotNumber());
            if (lot.isEmpty()) {
                log.warn("demo hold: no lot {} of {} from {}; skipped", h.lotNumber(), h.sku(), h.supplier());
                continue;
            }
            try {
                placing.place(
                        new PlacingHold.HoldRequest(HoldScope.LOT, lot.get(0), null, h.reason(), h.note()),
                        QUINN,
                        h.requestKey());
                placed++;
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // another node starting against the same database placed it a moment ago
                log.info("demo hold {} placed meanwhile by another start", h.requestKey());
            }
        }
        log.info("Demo holds ready: {} ({} placed now)", HOLDS.size(), placed);
    }
}
