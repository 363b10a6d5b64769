package org.lotledger.recall.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.lotledger.catalog.demo.DemoCatalogLoader;
import org.lotledger.recall.demo.RecallBatchStory.Batch;
import org.lotledger.recall.demo.RecallBatchStory.Customers;
import org.lotledger.recall.demo.RecallBatchStory.Lot;
import org.lotledger.recall.demo.RecallBatchStory.Quantities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo recall batch {@value DemoCatalogLoader#RECALL_BATCH_REF} (issue 11 §6), told through the real flows by
 * {@link RecallBatchStory}: lot 12345 of VAC-MRNA-FRZ and lot 23456 of VAC-FLU-CHL from NORDVAX, ordered, announced,
 * received by scan, inspected and put away; shipped to Mercy General, Queens Family Clinic, St. Luke's and Pacific
 * Children's; 30 EA of 12345 on the road EAST → WEST; 30 EA of 12345 relabelled into the child lot 12399. What is left
 * on the shelves is what the demo stock had there before (400 EA of 12345 at EAST-FRZ-01-01, 300 EA of 23456 at
 * EAST-CHL-01-01 and 200 EA at WEST-CHL-01-01), all AVAILABLE and unreserved, so the scenarios that use it read the
 * same. Idempotent across restarts (known by its first purchase order; a data folder of an earlier version, whose
 * demo stock had these lots as opening balances, gets the story on top: delete {@code ./data} to start over). Only with {@code lotledger.demo.enabled=true}, never
 * in prod; after the other demo loaders (order 50).
 */
@Component
@ConditionalOnProperty(name = "lotledger.demo.enabled", havingValue = "true")
public class DemoRecallBatchLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoRecallBatchLoader.class);

    public static final String FROZEN_LOT = DemoCatalogLoader.LOT_SHARED_NUMBER;
    public static final String CHILLED_LOT = "23456";
    public static final String CHILD_LOT = "12399";

    /** The demo batch. Its dates are those of the lots on record (DemoCatalogLoader), which a receipt must match. */
    public static Batch batch(LocalDate today) {
        return new Batch(
                DemoCatalogLoader.RECALL_BATCH_REF,
                DemoCatalogLoader.RECALL_BATCH_REF,
                DemoCatalogLoader.SUP_NORDVAX,
                new Lot(
                        DemoCatalogLoader.SKU_MRNA_VACCINE,
                        FROZEN_LOT,
                        today.minusMonths(2),
                        today.plusMonths(7),
                        new BigDecimal("19.50")),
                new Lot(
                        DemoCatalogLoader.SKU_FLU_VACCINE,
                        CHILLED_LOT,
                        today.minusMonths(1),
                        today.plusMonths(11),
                        new BigDecimal("8.75")),
                CHILD_LOT,
                DemoCatalogLoader.EAST_FROZEN_1,
                DemoCatalogLoader.EAST_CHILLED_1,
                DemoCatalogLoader.WEST_CHILLED_1,
                new Customers(DemoCatalogLoader.CUS_MERCY_HOSPITAL, "QUEENS-CLINIC", "STLUKE-HOSP", "PACIFIC-HOSP"),
                new Quantities(600, 100, 40, 30, 30, 420, 80, 40, 260, 60, 0),
                "2026004");
    }

    private final RecallBatchStory story;

    public DemoRecallBatchLoader(RecallBatchStory story) {
        this.story = story;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(50)
    public void load() {
        Batch b = batch(LocalDate.now());
        if (story.told(b)) {
            if (!story.complete(b)) {
                // not resumable: each step is a real flow's transaction with its own documents; say so, loudly
                log.warn(
                        "demo recall batch {} was only partly told (an earlier start stopped before the relabel);"
                                + " the recall demo will not read as documented: stop the app and delete ./data"
                                + " to start over",
                        b.reference());
            }
            return;
        }
        try {
            story.tell(b);
        } catch (RuntimeException e) {
            log.warn("demo recall batch {}: {}; not told", b.reference(), e.getMessage(), e);
        }
    }
}
