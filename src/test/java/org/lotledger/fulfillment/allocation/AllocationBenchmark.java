package org.lotledger.fulfillment.allocation;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * How long one allocation of a 50-line order over 5,000 candidate buckets takes, in the rules (Drools, through
 * RuleSessions as the product runs them) and in the plain-Java SortingAllocator: 100 buckets per item, and all on
 * one item. 500 warm-up and 5,000 measured runs each, taking turns, so a load change on the shared machine hits both
 * alike. Prints, once both gave identical allocations and backorders,
 * {@code fefo-allocation lines=50 candidates=5000 items=50 drools p50=… p99=… java p50=… p99=…} in milliseconds;
 * asserts nothing about speed. Run with {@code ./mvnw -B -Pbenchmark verify}.
 */
class AllocationBenchmark {

    static final int LINES = 50;
    static final int CANDIDATES = 5_000;
    static final int WARMUP = Integer.getInteger("bench.warmup", 500);
    static final int RUNS = Integer.getInteger("bench.runs", 5_000);

    @Test
    void fefo_allocation_drools_versus_plain_java() {
        DroolsAllocator drools = AllocationRules.drools();
        SortingAllocator java = new SortingAllocator();
        for (int items : new int[] {50, 1}) {
            AllocationFacts facts = RandomFacts.order(new SplittableRandom(items), LINES, items, CANDIDATES);
            AllocationResult a = drools.allocate(facts);
            AllocationResult b = java.allocate(facts);
            if (!a.allocations().equals(b.allocations()) || !a.backorders().equals(b.backorders())) {
                throw new AssertionError("Drools and SortingAllocator disagree for items=" + items);
            }
            for (int i = 0; i < WARMUP; i++) {
                drools.allocate(facts);
                java.allocate(facts);
            }
            long[] droolsNanos = new long[RUNS];
            long[] javaNanos = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                drools.allocate(facts);
                long t1 = System.nanoTime();
                java.allocate(facts);
                long t2 = System.nanoTime();
                droolsNanos[i] = t1 - t0;
                javaNanos[i] = t2 - t1;
            }
            System.out.printf(
                    Locale.ROOT,
                    "fefo-allocation lines=%d candidates=%d items=%d drools p50=%.2f p99=%.2f java p50=%.2f p99=%.2f%n",
                    LINES,
                    facts.candidates().size(),
                    items,
                    percentile(droolsNanos, 50),
                    percentile(droolsNanos, 99),
                    percentile(javaNanos, 50),
                    percentile(javaNanos, 99));
            System.out.printf(
                    Locale.ROOT,
                    "allocation-benchmark-detail items=%d allocations=%d backorders=%d rules-fired=%d load=%s%n",
                    items,
                    a.allocations().size(),
                    a.backorders().size(),
                    a.firedRules().size(),
                    loadAverage());
        }
    }

    /** Milliseconds at the percentile (nearest rank). */
    static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1_000_000.0;
    }

    static String loadAverage() {
        return String.format(
                Locale.ROOT,
                "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }
}
