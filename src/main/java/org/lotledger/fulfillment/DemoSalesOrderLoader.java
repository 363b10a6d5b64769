package org.lotledger.fulfillment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.lotledger.catalog.demo.DemoCatalogLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few open ERP orders on the demo master data, placed through {@link SalesOrdering} as the ERP would. Idempotent
 * by order number: a restart places nothing new. Only with {@code lotledger.demo.enabled=true}, so never in prod;
 * runs after the demo catalog (order 10) and the demo stock (20).
 */
@Component
@ConditionalOnProperty(name = "lotledger.demo.enabled", havingValue = "true")
public class DemoSalesOrderLoader {

    public static final String SOURCE = "ERP";
    public static final String ACTOR = "erp";

    private static final Logger log = LoggerFactory.getLogger(DemoSalesOrderLoader.class);

    private final SalesOrdering ordering;
    private final SalesOrders orders;
    private final Clock clock;

    public DemoSalesOrderLoader(SalesOrdering ordering, SalesOrders orders, Clock clock) {
        this.ordering = ordering;
        this.orders = orders;
        this.clock = clock;
    }

    static List<SalesOrderDraft> drafts(LocalDate today) {
        return List.of(
                new SalesOrderDraft(
                        SOURCE,
                        "SO-DEMO-1001",
                        DemoCatalogLoader.CUS_MERCY_HOSPITAL,
                        DemoCatalogLoader.EAST,
                        today.plusDays(1),
                        "weekly replenishment",
                        List.of(
                                line(DemoCatalogLoader.SKU_FLU_VACCINE, "120", "EA", "14.5000", null),
                                line(DemoCatalogLoader.SKU_SALINE, "2", "CASE", "96.0000", null),
                                line(DemoCatalogLoader.SKU_SYRINGE, "5", "BOX", "12.0000", 200))),
                new SalesOrderDraft(
                        SOURCE,
                        "SO-DEMO-1002",
                        DemoCatalogLoader.CUS_FIELD_EAST,
                        DemoCatalogLoader.EAST,
                        today.plusDays(2),
                        null,
                        List.of(
                                line(DemoCatalogLoader.SKU_INSULIN_PEN, "40", "EA", "32.0000", null),
                                line(DemoCatalogLoader.SKU_FLU_VACCINE, "30", "EA", "14.5000", null))),
                new SalesOrderDraft(
                        SOURCE,
                        "SO-DEMO-1003",
                        DemoCatalogLoader.CUS_MERCY_HOSPITAL,
                        DemoCatalogLoader.CENTRAL,
                        today.plusDays(3),
                        null,
                        List.of(line(DemoCatalogLoader.SKU_SALINE, "150", "EA", "4.2000", null))),
                // whole cases of glucose strips from storage, the rest from the pick face (ALLOC-080); saline split
                // over the short-dated lot on the pick face (150 days are enough for a field team) and the next
                new SalesOrderDraft(
                        SOURCE,
                        "SO-DEMO-1004",
                        DemoCatalogLoader.CUS_FIELD_EAST,
                        DemoCatalogLoader.EAST,
                        today.plusDays(2),
                        "field team restock",
                        List.of(
                                line(DemoCatalogLoader.SKU_GLUCOSE_STRIPS, "29", "BOX", "38.0000", null),
                                line(DemoCatalogLoader.SKU_SALINE, "100", "EA", "4.2000", null))),
                // West: the expired saline is skipped, insulin only held there (backordered HELD_OR_QUARANTINED)
                new SalesOrderDraft(
                        SOURCE,
                        "SO-DEMO-1005",
                        "PORTLAND-CLINIC",
                        DemoCatalogLoader.WEST,
                        today.plusDays(3),
                        null,
                        List.of(
                                line(DemoCatalogLoader.SKU_SALINE, "5", "CASE", "96.0000", null),
                                line(DemoCatalogLoader.SKU_INSULIN_PEN, "20", "EA", "32.0000", null))));
    }

    private static SalesOrderDraft.Line line(
            String sku, String quantity, String uom, String price, Integer minShelfLifeDays) {
        return new SalesOrderDraft.Line(
                sku, null, new BigDecimal(quantity), uom, new BigDecimal(price), "USD", minShelfLifeDays, null);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    public void load() {
        int placed = 0;
        List<SalesOrderDraft> drafts = drafts(LocalDate.now(clock.withZone(ZoneId.of("UTC"))));
        for (SalesOrderDraft d : drafts) {
            if (orders.findBySourceAndOrderNumber(SOURCE, d.orderNumber()).isPresent()) {
                continue;
            }
            ordering.place(d, ACTOR);
            placed++;
        }
        log.info("Demo sales orders ready: {} open ERP orders ({} placed now)", drafts.size(), placed);
    }
}
