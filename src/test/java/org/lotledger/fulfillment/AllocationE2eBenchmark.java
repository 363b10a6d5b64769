package org.lotledger.fulfillment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.VoidReason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End to end on PostgreSQL: one allocation of a 50-line order (facts read, rules, reservations written under the
 * lots' locks, line and backorder bookkeeping) over 200 candidate buckets (100 lots on two shelves); the
 * reservations are voided (REALLOCATED) between runs, untimed. 20 warm-up and 200 measured runs; prints
 * {@code fefo-allocation-e2e lines=50 p50=… p99=…} in milliseconds. Runs in the {@code benchmark} profile only.
 */
@IntegrationTest
class AllocationE2eBenchmark {

    static final int LINES = 50;
    static final int LOTS = 100;
    static final int WARMUP = Integer.getInteger("bench.e2eWarmup", 20);
    static final int RUNS = Integer.getInteger("bench.e2eRuns", 200);
    static final Actor OTTO = new Actor("otto", Set.of("operations"));

    @Autowired
    AllocatingOrders allocating;

    @Autowired
    SalesOrdering ordering;

    @Autowired
    Reservations reservations;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fefo_allocation_end_to_end() {
        AllocationFixture x = new AllocationFixture(jdbc, ledger, 0);
        for (int i = 0; i < LOTS; i++) {
            x.lot(100 + i, i % 2 == 0 ? "A1" : "A2", 40);
        }
        long[] quantities = new long[LINES];
        for (int i = 0; i < LINES; i++) {
            quantities[i] = 30 + (i % 7) * 10;
        }
        long orderId = ordering.place(x.order(quantities), "erp").id();
        long[] nanos = new long[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long start = System.nanoTime();
            allocating.allocate(orderId, OTTO);
            long took = System.nanoTime() - start;
            if (i >= WARMUP) {
                nanos[i - WARMUP] = took;
            }
            List<Long> pending =
                    reservations.forDemand(AllocatingOrders.DEMAND_TYPE, String.valueOf(orderId), null).stream()
                            .filter(r -> r.state() == Reservation.State.PENDING)
                            .map(Reservation::id)
                            .toList();
            reservations.voidPending(pending, VoidReason.REALLOCATED, OTTO);
        }
        System.out.printf(
                Locale.ROOT,
                "fefo-allocation-e2e lines=%d p50=%.2f p99=%.2f%n",
                LINES,
                percentile(nanos, 50),
                percentile(nanos, 99));
    }

    static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1_000_000.0;
    }
}
