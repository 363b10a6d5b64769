package org.lotledger.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.lotledger.catalog.reason.ReasonCodeNames;
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
 * Demo stock on the demo master data, posted as opening balances through the ledger like a go-live load.
 * Idempotent by construction: each line has a fixed idempotency key, so a restart posts nothing new.
 * Never present in the prod profile.
 */
@Component
@ConditionalOnProperty(name = "lotledger.demo.enabled", havingValue = "true")
public class DemoStockLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoStockLoader.class);
    private static final Actor LOADER = new Actor("system", Set.of(Groups.INVENTORY_CONTROL));

    /** sku, supplier code, lot number, location barcode, status, quantity in the item's base unit */
    record Line(String sku, String supplier, String lotNumber, String barcode, StockStatus status, long quantity) {}

    // The recall batch MFG-2026-0042 (lots 12345 of VAC-MRNA-FRZ and 23456 of VAC-FLU-CHL) is not opening stock: it
    // is received, inspected, put away, shipped and transferred through the real flows (recall.demo.RecallBatchStory).
    static final List<Line> LINES = List.of(
            new Line("INS-GLA-PEN", "GLUCORA", "AB1234", "EAST-CHL-01-02", StockStatus.AVAILABLE, 500),
            new Line("SAL-09-500", "BIOSALINE", "B2026-001", "EAST-AMB-01-01", StockStatus.AVAILABLE, 1200),
            new Line("SAL-09-500", "BIOSALINE", "B2026-001", "CENTRAL-AMB-01-01", StockStatus.AVAILABLE, 600),
            new Line("SYR-3ML", "SURGIPLY", "ABC123", "EAST-AMB-01-02", StockStatus.AVAILABLE, 5000),
            new Line("TST-STREP", "DIAGNOSTIX", "12345", "EAST-QUAR-01", StockStatus.QUARANTINE, 150),
            // issue 9 §10: lots for allocation in storage and on the pick faces of each warehouse (docs/fulfillment.md
            // "Demo data"). Saline B2025-090 expired, B2026-014 short of Mercy General's 180 days; insulin AB0977 goes
            // to HOLD when quinn's demo hold is placed (quality.DemoHoldLoader); glucose strips (whole cases from
            // storage, a case is 48 EA) in full cases in storage and loose units on the pick faces.
            new Line("SAL-09-500", "BIOSALINE", "B2025-090", "EAST-AMB-02-01", StockStatus.AVAILABLE, 48),
            new Line("SAL-09-500", "BIOSALINE", "B2026-014", "EAST-PICK-01-02", StockStatus.AVAILABLE, 60),
            new Line("TST-GLU-50", "GLUCORA", "GS2601", "EAST-PICK-01-01", StockStatus.AVAILABLE, 30),
            new Line("TST-GLU-50", "GLUCORA", "GS2605", "EAST-AMB-02-01", StockStatus.AVAILABLE, 480),
            new Line("INS-GLA-PEN", "GLUCORA", "AB0977", "EAST-CHL-01-01", StockStatus.AVAILABLE, 100),
            new Line("SAL-09-500", "BIOSALINE", "B2025-090", "WEST-PICK-01-02", StockStatus.AVAILABLE, 12),
            new Line("SAL-09-500", "BIOSALINE", "B2026-014", "WEST-AMB-01-01", StockStatus.AVAILABLE, 96),
            new Line("SAL-09-500", "BIOSALINE", "B2026-001", "WEST-PICK-01-01", StockStatus.AVAILABLE, 40),
            new Line("TST-GLU-50", "GLUCORA", "GS2605", "WEST-AMB-01-02", StockStatus.AVAILABLE, 240),
            new Line("INS-GLA-PEN", "GLUCORA", "AB0977", "WEST-CHL-01-02", StockStatus.AVAILABLE, 60),
            new Line("SAL-09-500", "BIOSALINE", "B2025-090", "CENTRAL-AMB-01-02", StockStatus.AVAILABLE, 24),
            new Line("SAL-09-500", "BIOSALINE", "B2026-014", "CENTRAL-PICK-01-01", StockStatus.AVAILABLE, 30),
            new Line("TST-GLU-50", "GLUCORA", "GS2601", "CENTRAL-PICK-01-02", StockStatus.AVAILABLE, 20),
            new Line("TST-GLU-50", "GLUCORA", "GS2605", "CENTRAL-AMB-02-01", StockStatus.AVAILABLE, 192));

    private final AdjustingStock adjusting;
    private final JdbcTemplate jdbc;

    public DemoStockLoader(AdjustingStock adjusting, JdbcTemplate jdbc) {
        this.adjusting = adjusting;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void load() {
        int posted = 0;
        for (Line line : LINES) {
            List<String[]> lot = jdbc.query(
                    """
                    select l.internal_label, i.base_uom from lot l join item i on i.id = l.item_id
                      join supplier s on s.id = l.supplier_id
                     where i.sku = ? and s.code = ? and l.lot_number = ?""",
                    (rs, n) -> new String[] {rs.getString(1), rs.getString(2)},
                    line.sku(),
                    line.supplier(),
                    line.lotNumber());
            if (lot.isEmpty()) {
                log.warn("demo stock: no lot {} of {} from {}; skipped", line.lotNumber(), line.sku(), line.supplier());
                continue;
            }
            Posting p = adjusting.openingBalance(
                    new AdjustingStock.Adjustment(
                            lot.get(0)[0],
                            line.barcode(),
                            line.status(),
                            BigDecimal.valueOf(line.quantity()),
                            lot.get(0)[1],
                            ReasonCodeNames.OPENING,
                            "demo data",
                            null),
                    LOADER,
                    "demo:opening:" + line.sku() + ":" + line.supplier() + ":" + line.lotNumber() + ":"
                            + line.barcode());
            if (!p.replayed()) {
                posted++;
            }
        }
        log.info("Demo stock ready: {} opening balances ({} posted now)", LINES.size(), posted);
    }
}
