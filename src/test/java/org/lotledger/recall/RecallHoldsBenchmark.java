package org.lotledger.recall;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.fulfillment.picking.PickingFixtures;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.lotledger.quality.inspection.InspectionResult;
import org.lotledger.quality.inspection.PostingInspectionResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hold placement of a batch recall against the floor (issue 11 §3, ADR 0016), on the shared test context and its
 * embedded PostgreSQL (not the 10 M-leg recall cluster): a LIVE recall of a batch of {@value #LOTS} lots (stock on
 * three shelves each) places its holds as the job executor does — one job, one transaction, one lot at a time — while
 * {@value #FLOOR_THREADS} floor threads work unrelated lots: an arrival (an inspection's accepted unit,
 * QUARANTINE → AVAILABLE at the dock through {@link PostingInspectionResult}, which asks the holds under the
 * hold-decision lock), a pick (PICK shelf → staging) and a shipment (SHIPMENT staging → customer), round robin. The
 * same floor work runs alone first for the baseline ({@value #BASELINE_OPS} operations per thread). Prints, in
 * milliseconds with two decimals:
 *
 * <pre>
 * recall-holds lots=50 seconds=… floor-ops=… floor-p99-ms=… floor-p99-ms-baseline=…
 * recall-holds-floor kind=&lt;receive|pick|ship&gt; ops=… p50-ms=… p99-ms=… max-ms=… baseline-p99-ms=… baseline-max-ms=…
 * recall-holds-per-lot p50-ms=… p99-ms=… max-ms=…
 * </pre>
 *
 * Runs in the {@code benchmark} profile only; figures, never a verdict.
 */
@IntegrationTest
class RecallHoldsBenchmark {

    static final int LOTS = Integer.getInteger("bench.recallHoldLots", 50);
    static final int FLOOR_LOTS = 30;
    static final int FLOOR_THREADS = 3;
    static final int BASELINE_OPS = Integer.getInteger("bench.recallHoldBaselineOps", 150);
    static final Actor RITA = new Actor("rita", Set.of("receiving"));
    static final Actor WALT = new Actor("walt", Set.of("warehouse", "warehouse@EAST"));
    static final Actor QUINN = new Actor("quinn", Set.of("quality"));
    static final String[] KINDS = {"receive", "pick", "ship"};

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    StartingRecall starting;

    @Autowired
    ManagementService management;

    @Autowired
    PostingInspectionResult inspections;

    @Autowired
    PlatformTransactionManager txManager;

    PickingFixtures f;
    long dock;
    long customerLocation;
    final List<Long> floorLots = new ArrayList<>();

    /** One floor operation's kind and how long it took, in nanoseconds. */
    record Op(int kind, long nanos) {}

    @Test
    void recall_holds_against_the_floor() throws Exception {
        f = new PickingFixtures(jdbc);
        dock = jdbc.queryForObject("""
                select l.id from location l join zone z on z.id = l.zone_id
                 where l.warehouse_id = ? and l.kind = 'PHYSICAL' and z.zone_type = 'RECEIVING_DOCK'
                   and 'QUARANTINE' = any(z.allowed_statuses)
                 order by l.id limit 1""", Long.class, f.east);
        long customerId = jdbc.queryForObject(
                "select customer_id from location where kind = 'CUSTOMER' order by id limit 1", Long.class);
        customerLocation = jdbc.queryForObject(
                "select id from location where kind = 'CUSTOMER' and customer_id = ?", Long.class, customerId);
        long supplierLocation = jdbc.queryForObject(
                "insert into location (kind, code, name, supplier_id) values ('SUPPLIER', ?, 'bench', ?) returning id",
                Long.class,
                "SUP-" + f.tag,
                f.supplierB);
        String batch = "BENCH-" + f.tag;
        for (int i = 0; i < LOTS; i++) {
            long lot = f.lot(f.supplierA, "RH" + i + f.tag, LocalDate.now().plusDays(400));
            jdbc.update("update lot set manufacturer_batch_ref = ? where id = ?", batch, lot);
            for (String shelf : List.of("S1", "S2", "S3")) {
                f.stock(ledger, lot, shelf, 50);
            }
        }
        for (int i = 0; i < FLOOR_LOTS; i++) {
            long lot = f.lot(f.supplierB, "FL" + i + f.tag, LocalDate.now().plusDays(400));
            f.stock(ledger, lot, "S1", 100_000);
            ledger.post(PostingRequest.of(PostingType.RECEIPT, RITA, key())
                    .movement(new Movement(
                            lot, supplierLocation, StockStatus.QUARANTINE, dock, StockStatus.QUARANTINE, 100_000))
                    .build());
            floorLots.add(lot);
        }
        // warm-up: each kind a few times, untimed
        floor(new SplittableRandom(1), 30, new AtomicBoolean(false), new ConcurrentLinkedQueue<>());

        ConcurrentLinkedQueue<Op> baseline = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(FLOOR_THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < FLOOR_THREADS; t++) {
                SplittableRandom r = new SplittableRandom(100 + t);
                running.add(threads.submit(() -> floor(r, BASELINE_OPS, new AtomicBoolean(false), baseline)));
            }
            for (Future<?> r : running) {
                r.get(30, TimeUnit.MINUTES);
            }

            ConcurrentLinkedQueue<Op> during = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean(false);
            running.clear();
            for (int t = 0; t < FLOOR_THREADS; t++) {
                SplittableRandom r = new SplittableRandom(200 + t);
                running.add(threads.submit(() -> floor(r, Integer.MAX_VALUE, stop, during)));
            }
            Thread.sleep(200); // the floor is busy when the recall starts
            long started = System.nanoTime();
            RecallView recall = starting.start(
                    new StartingRecall.Request(
                            RecallScope.ofBatch(batch), "benchmark", RecallClass.II, RecallMode.LIVE, null),
                    RecallFixtures.MARIA);
            List<Long> perLot = runHoldJobs(recall.processInstanceId());
            double seconds = (System.nanoTime() - started) / 1e9;
            stop.set(true);
            for (Future<?> r : running) {
                r.get(5, TimeUnit.MINUTES);
            }
            long held = jdbc.queryForObject(
                    "select count(*) from recall_hold where recall_id = ? and hold_id is not null",
                    Long.class,
                    recall.id());
            System.out.printf(
                    Locale.ROOT,
                    "recall-holds lots=%d seconds=%.2f floor-ops=%d floor-p99-ms=%.2f floor-p99-ms-baseline=%.2f%n",
                    held,
                    seconds,
                    during.size(),
                    percentile(nanos(during, -1), 99),
                    percentile(nanos(baseline, -1), 99));
            for (int k = 0; k < KINDS.length; k++) {
                long[] d = nanos(during, k);
                long[] b = nanos(baseline, k);
                System.out.printf(
                        Locale.ROOT,
                        "recall-holds-floor kind=%s ops=%d p50-ms=%.2f p99-ms=%.2f max-ms=%.2f baseline-p99-ms=%.2f"
                                + " baseline-max-ms=%.2f%n",
                        KINDS[k],
                        d.length,
                        percentile(d, 50),
                        percentile(d, 99),
                        percentile(d, 100),
                        percentile(b, 99),
                        percentile(b, 100));
            }
            long[] lots = perLot.stream().mapToLong(Long::longValue).toArray();
            System.out.printf(
                    Locale.ROOT,
                    "recall-holds-per-lot p50-ms=%.2f p99-ms=%.2f max-ms=%.2f%n",
                    percentile(lots, 50),
                    percentile(lots, 99),
                    percentile(lots, 100));
        } finally {
            threads.shutdownNow();
        }
    }

    /** The recall's jobs one after another, as one job executor thread runs them; each job's nanoseconds. */
    List<Long> runHoldJobs(String processInstanceId) {
        List<Long> took = new ArrayList<>();
        for (int i = 0; i < LOTS * 2 + 10; i++) {
            var due = management
                    .createJobQuery()
                    .processInstanceId(processInstanceId)
                    .messages()
                    .list();
            if (due.isEmpty()) {
                return took;
            }
            for (var j : due) {
                long t0 = System.nanoTime();
                management.executeJob(j.getId());
                took.add(System.nanoTime() - t0);
            }
        }
        return took;
    }

    /** Floor work on the unrelated lots: receive, pick, ship in turn, each timed, until {@code ops} or stopped. */
    Void floor(SplittableRandom random, int ops, AtomicBoolean stop, ConcurrentLinkedQueue<Op> out) {
        TransactionTemplate tx = new TransactionTemplate(txManager);
        long lot = 0;
        for (int i = 0; i < ops && !stop.get(); i++) {
            int kind = i % 3;
            if (kind == 0) {
                lot = floorLots.get(random.nextInt(floorLots.size())); // picked, then shipped, after its arrival
            }
            long l = lot;
            long t0 = System.nanoTime();
            switch (kind) {
                case 0 ->
                    tx.executeWithoutResult(s -> inspections.post(
                            "bench-inspection:" + key(),
                            "bench-" + f.tag,
                            l,
                            dock,
                            new InspectionResult("ACCEPT", 1, 0, 0, null),
                            QUINN));
                case 1 ->
                    ledger.post(PostingRequest.of(PostingType.PICK, WALT, key())
                            .movement(new Movement(
                                    l, f.location("S1"), StockStatus.AVAILABLE, f.ship, StockStatus.AVAILABLE, 1))
                            .build());
                default ->
                    ledger.post(PostingRequest.of(PostingType.SHIPMENT, WALT, key())
                            .movement(new Movement(
                                    l, f.ship, StockStatus.AVAILABLE, customerLocation, StockStatus.AVAILABLE, 1))
                            .reference("SHIPMENT", "BENCH-" + f.tag)
                            .build());
            }
            out.add(new Op(kind, System.nanoTime() - t0));
        }
        return null;
    }

    static long[] nanos(ConcurrentLinkedQueue<Op> ops, int kind) {
        return ops.stream()
                .filter(o -> kind < 0 || o.kind() == kind)
                .mapToLong(Op::nanos)
                .toArray();
    }

    static double percentile(long[] nanos, int p) {
        if (nanos.length == 0) {
            return 0;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1_000_000.0;
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
