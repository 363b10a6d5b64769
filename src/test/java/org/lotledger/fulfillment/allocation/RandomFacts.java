package org.lotledger.fulfillment.allocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lotledger.catalog.item.AllocationMethod;
import org.lotledger.catalog.location.ZoneType;
import org.lotledger.ledger.StockStatus;

/** Seeded random allocation facts: the differential test's inputs, and the shape of the benchmark's. */
final class RandomFacts {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final long HOME = 1;
    static final ZoneType[] ZONES = ZoneType.values();
    static final StockStatus[] STATUSES = StockStatus.values();
    static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private RandomFacts() {}

    /** A small messy case: few lots so lines compete, every exclusion and preference in play. */
    static AllocationFacts messy(SplittableRandom rnd) {
        int items = 1 + rnd.nextInt(3);
        List<ItemPolicy> policies = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        List<DemandLine> lines = new ArrayList<>();
        long lineId = 1 + rnd.nextInt(5);
        for (long item = 1; item <= items; item++) {
            policies.add(new ItemPolicy(
                    item,
                    rnd.nextBoolean() ? AllocationMethod.FEFO : AllocationMethod.FIFO,
                    rnd.nextInt(3) == 0,
                    rnd.nextInt(3) == 0 ? rnd.nextInt(30) : 0));
            int lots = rnd.nextInt(12);
            long caseSize = 1 + rnd.nextInt(12);
            for (int l = 0; l < lots; l++) {
                long lot = item * 1000 + l;
                LocalDate expiry = rnd.nextInt(10) == 0 ? null : TODAY.plusDays(rnd.nextInt(400) - 40);
                Instant received = EPOCH.plusSeconds(86_400L * rnd.nextInt(300));
                boolean held = rnd.nextInt(12) == 0;
                int buckets = 1 + rnd.nextInt(3);
                for (int b = 0; b < buckets; b++) {
                    long onHand = rnd.nextInt(6) == 0 ? 0 : 1 + rnd.nextInt(120);
                    long reserved = rnd.nextInt(4) == 0 ? rnd.nextLong(onHand + 1) : 0;
                    ZoneType zone = rnd.nextInt(5) == 0
                            ? ZONES[rnd.nextInt(ZONES.length)]
                            : (rnd.nextBoolean() ? ZoneType.STORAGE : ZoneType.PICK_FACE);
                    StockStatus status =
                            rnd.nextInt(6) == 0 ? STATUSES[rnd.nextInt(STATUSES.length)] : StockStatus.AVAILABLE;
                    candidates.add(new Candidate(
                            lot,
                            lot * 10 + b,
                            item,
                            rnd.nextInt(8) == 0 ? 2 : HOME,
                            zone,
                            status,
                            onHand,
                            status == StockStatus.AVAILABLE ? reserved : 0,
                            expiry,
                            received,
                            caseSize,
                            held));
                }
            }
            int itemLines = 1 + rnd.nextInt(4);
            for (int i = 0; i < itemLines; i++) {
                Long requested = lots > 0 && rnd.nextInt(6) == 0 ? item * 1000 + rnd.nextInt(lots) : null;
                lines.add(DemandLine.of(
                        lineId,
                        item,
                        1 + rnd.nextInt(300),
                        rnd.nextInt(30),
                        rnd.nextInt(3) == 0 ? 180 : 0,
                        rnd.nextInt(4) == 0 ? rnd.nextInt(250) : null,
                        requested));
                lineId += 1 + rnd.nextInt(3);
            }
        }
        return new AllocationFacts(HOME, TODAY, lines, candidates, policies);
    }

    /**
     * The benchmark's order: {@code lines} lines over {@code items} items, {@code candidates} AVAILABLE buckets spread
     * evenly over the items, storage and pick faces, every fifth lot with an expiry shared with its neighbour, a few
     * expired, held or short-dated, each line needing about three buckets.
     */
    static AllocationFacts order(SplittableRandom rnd, int lines, int items, int candidates) {
        List<ItemPolicy> policies = new ArrayList<>();
        List<Candidate> stock = new ArrayList<>();
        List<DemandLine> demand = new ArrayList<>();
        for (long item = 1; item <= items; item++) {
            policies.add(new ItemPolicy(item, AllocationMethod.FEFO, false, 7));
        }
        int perItem = candidates / items;
        for (long item = 1; item <= items; item++) {
            for (int i = 0; i < perItem; i++) {
                long lot = item * 100_000 + i / 2;
                LocalDate expiry = TODAY.plusDays(i % 50 == 0 ? -3 : 20 + i / 2);
                boolean held = i % 97 == 0;
                stock.add(new Candidate(
                        lot,
                        lot * 10 + i % 2,
                        item,
                        HOME,
                        i % 2 == 0 ? ZoneType.STORAGE : ZoneType.PICK_FACE,
                        StockStatus.AVAILABLE,
                        20 + rnd.nextInt(180),
                        rnd.nextInt(10) == 0 ? rnd.nextInt(20) : 0,
                        expiry,
                        EPOCH.plusSeconds(3_600L * i),
                        12,
                        held));
            }
        }
        for (int l = 1; l <= lines; l++) {
            long item = 1 + (l - 1) % items;
            demand.add(DemandLine.of(l, item, 50 + rnd.nextInt(400), 30, 0, null, null));
        }
        return new AllocationFacts(HOME, TODAY, demand, stock, policies);
    }
}
