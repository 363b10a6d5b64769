package org.lotledger.recall;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.SalesOrderView;
import org.lotledger.fulfillment.SalesOrdering;
import org.lotledger.fulfillment.picking.ConfirmingPicks;
import org.lotledger.fulfillment.picking.PickConfirmation;
import org.lotledger.fulfillment.picking.PickTaskView;
import org.lotledger.fulfillment.picking.PickTasks;
import org.lotledger.fulfillment.picking.PickingFixtures;
import org.lotledger.fulfillment.shipping.ShipmentView;
import org.lotledger.fulfillment.shipping.Shipping;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerSelfAudit;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shipments and picks of a batch's lots while a LIVE recall places its holds (issue 11 §6, ADR 0016), with real
 * threads on the shared PostgreSQL: the recall's hold jobs run as the job executor would run them (one lot per job
 * and transaction), dispatches through {@link Shipping#dispatch} and pick confirmations through
 * {@link ConfirmingPicks#confirm} at the same time. Two orders are forced (the hold's transaction held open until a
 * dispatch is seen waiting for the lot, and the other way round); then seeded interleavings run free, each seed its
 * own shape (lots, shipments, picks) and start delays. After each: no SHIPMENT or PICK leg of a lot comes after its
 * hold's posting in the lot's history, every dispatched shipment is on the recall's notice list and the list holds
 * nothing else, every refusal is a domain error with a stable code (no deadlock, no 5xx), every staged reservation
 * is posted or voided, and the kept balances equal the ledger's legs (the self-audit, the holds' book included).
 */
@IntegrationTest
class ShipmentsRacingRecallHoldsTest {

    static final Actor WALT = new Actor("walt", Set.of("warehouse", "warehouse@EAST"));
    static final Actor OTTO = new Actor("otto", Set.of("operations"));
    static final long[] SEEDS = {20261202L, 11L, 4242L, 7L, 99991L};
    /** The codes a dispatch or pick that lost the race may be refused with; anything else fails the test. */
    static final Set<String> REFUSALS = Set.of(
            "LOT_ON_HOLD",
            "NOTHING_STAGED",
            "RESERVATION_NOT_PENDING",
            "INSUFFICIENT_BALANCE",
            "LOT_NOT_AVAILABLE",
            "PICK_LINE_NOT_OPEN",
            "PICK_TASK_CLOSED");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Reservations reservations;

    @Autowired
    SalesOrdering ordering;

    @Autowired
    Shipping shipping;

    @Autowired
    PickTasks tasks;

    @Autowired
    ConfirmingPicks picking;

    @Autowired
    StartingRecall starting;

    @Autowired
    RecallNotices notices;

    @Autowired
    Recalls recalls;

    @Autowired
    ManagementService management;

    @Autowired
    LedgerSelfAudit audit;

    @Autowired
    PlatformTransactionManager txManager;

    ExecutorService threads;

    @BeforeEach
    void pool() {
        threads = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    // ---- the batch under recall

    /** A batch of the test's own: its lots at S1, shipments opened over staged stock, pick lines over S1 stock. */
    final class Batch {
        final PickingFixtures f = new PickingFixtures(jdbc);
        final String ref = "RACE-" + f.tag;
        final List<Long> lots = new ArrayList<>();
        final List<Long> shipments = new ArrayList<>();
        final List<Long> stagedReservations = new ArrayList<>();
        final List<long[]> pickLines = new ArrayList<>(); // task id, line id, lot id, quantity

        Batch(int lotCount, int shipmentsPerLot, int picksPerLot, SplittableRandom random) {
            for (int i = 0; i < lotCount; i++) {
                long lot = f.lot(f.supplierA, "R" + i + f.tag, LocalDate.now().plusDays(300 + i));
                jdbc.update("update lot set manufacturer_batch_ref = ? where id = ?", ref, lot);
                f.stock(ledger, lot, "S1", 200);
                lots.add(lot);
            }
            for (long lot : lots) {
                for (int s = 0; s < shipmentsPerLot; s++) {
                    long q = 1 + random.nextInt(5);
                    SalesOrderView o = f.order(ordering, q);
                    stagedReservations.add(stage(o.id(), o.lines().get(0).id(), lot, q));
                    shipments.add(shipping.open(o.id(), WALT).id());
                }
                for (int p = 0; p < picksPerLot; p++) {
                    long q = 1 + random.nextInt(5);
                    SalesOrderView o = f.order(ordering, q);
                    f.reserve(reservations, o.id(), o.lines().get(0).id(), lot, "S1", q);
                    PickTaskView t = tasks.create(o.id(), WALT);
                    pickLines.add(new long[] {t.id(), t.lines().get(0).id(), lot, q});
                }
            }
        }

        /** What a confirmed pick leaves: the stock at the staging location and a pending reservation of the line. */
        long stage(long orderId, long lineId, long lot, long q) {
            ledger.post(
                    PostingRequest.of(PostingType.PICK, WALT, UUID.randomUUID().toString())
                            .movement(new Movement(
                                    lot, f.location("S1"), StockStatus.AVAILABLE, f.ship, StockStatus.AVAILABLE, q))
                            .build());
            Reservation r = reservations.reserve(
                    new Reservations.ReserveRequest(
                            new Reservation.Demand("SALES_ORDER", String.valueOf(orderId), String.valueOf(lineId)),
                            lot,
                            f.ship,
                            q,
                            "staged by the test"),
                    OTTO,
                    UUID.randomUUID().toString());
            jdbc.update(
                    "update sales_order_line set allocated_base_quantity = allocated_base_quantity + ? where id = ?",
                    q,
                    lineId);
            return r.id();
        }

        RecallView recall() {
            return starting.start(
                    new StartingRecall.Request(
                            RecallScope.ofBatch(ref), "race test", RecallClass.II, RecallMode.LIVE, null),
                    RecallFixtures.MARIA);
        }
    }

    /** What a dispatch or pick came to: the posting it committed, or the code it was refused with. */
    record Outcome(String what, Long postingId, String code) {}

    Outcome dispatch(Batch b, long shipmentId) {
        try {
            ShipmentView v = shipping.dispatch(shipmentId, b.f.shipBarcode, WALT, key());
            return new Outcome("dispatch " + shipmentId, v.postingId(), null);
        } catch (DomainException e) {
            return new Outcome("dispatch " + shipmentId, null, e.code());
        }
    }

    Outcome pick(Batch b, long[] line) {
        try {
            picking.confirm(
                    line[0],
                    line[1],
                    new PickConfirmation(
                            b.f.barcode("S1"),
                            b.f.gs1(line[2]),
                            BigDecimal.valueOf(line[3]),
                            "EA",
                            b.f.shipBarcode,
                            null,
                            null),
                    WALT,
                    key());
            return new Outcome("pick " + line[1], -1L, null);
        } catch (DomainException e) {
            return new Outcome("pick " + line[1], null, e.code());
        }
    }

    /** Runs the recall's due hold jobs (one lot each) until none is left: the job executor's work. */
    void runHoldJobs(String processInstanceId) {
        RecallFixtures.runHoldJobs(management, processInstanceId);
    }

    // ---- forced orders

    @Test
    void a_dispatch_waiting_behind_the_hold_is_refused_and_not_on_the_notice_list() throws Exception {
        Batch b = new Batch(1, 1, 0, new SplittableRandom(1));
        RecallView recall = b.recall();
        long postingsBefore = postings(b.lots.get(0));
        CountDownLatch holdPlaced = new CountDownLatch(1);
        CountDownLatch dispatchWaiting = new CountDownLatch(1);
        Future<?> hold = threads.submit(() -> new TransactionTemplate(txManager).executeWithoutResult(s -> {
            management.executeJob(dueJob(recall.processInstanceId()).getId());
            holdPlaced.countDown();
            await(dispatchWaiting);
        }));
        assertThat(holdPlaced.await(60, TimeUnit.SECONDS)).isTrue();
        long waitingBefore = waitingForLocks();
        Future<Outcome> dispatched = threads.submit(() -> dispatch(b, b.shipments.get(0)));
        awaitWaiting(waitingBefore, "the dispatch waits for the lot the hold has locked");
        dispatchWaiting.countDown();
        hold.get(60, TimeUnit.SECONDS);
        Outcome o = dispatched.get(60, TimeUnit.SECONDS);

        assertThat(o.code()).as("the dispatch after the hold is refused: " + o).isIn(REFUSALS);
        runHoldJobs(recall.processInstanceId());
        assertThat(postings(b.lots.get(0))).as("only the hold's posting").isEqualTo(postingsBefore + 1);
        assertRaceInvariants(b, recall.id(), List.of(o));
        assertThat(notices.of(recall.id()).notices())
                .as("nothing shipped, nobody to notify")
                .isEmpty();
    }

    @Test
    void a_dispatch_the_hold_waits_behind_ships_and_is_on_the_notice_list() throws Exception {
        Batch b = new Batch(1, 1, 0, new SplittableRandom(2));
        RecallView recall = b.recall();
        CountDownLatch dispatchedInTx = new CountDownLatch(1);
        CountDownLatch holdWaiting = new CountDownLatch(1);
        Future<Outcome> dispatched = threads.submit(() -> new TransactionTemplate(txManager).execute(s -> {
            Outcome o = dispatch(b, b.shipments.get(0));
            dispatchedInTx.countDown();
            await(holdWaiting);
            return o;
        }));
        assertThat(dispatchedInTx.await(60, TimeUnit.SECONDS)).isTrue();
        long waitingBefore = waitingForLocks();
        Job job = dueJob(recall.processInstanceId());
        Future<?> hold = threads.submit(() -> management.executeJob(job.getId()));
        awaitWaiting(waitingBefore, "the hold waits for the lot the dispatch has locked");
        holdWaiting.countDown();
        Outcome o = dispatched.get(60, TimeUnit.SECONDS);
        hold.get(60, TimeUnit.SECONDS);

        assertThat(o.postingId()).as("the dispatch before the hold ships: " + o).isNotNull();
        runHoldJobs(recall.processInstanceId());
        assertRaceInvariants(b, recall.id(), List.of(o));
        assertThat(notices.of(recall.id()).notices())
                .flatExtracting(RecallNotices.Notice::shipments)
                .extracting(RecallNotices.Shipment::postingId)
                .containsExactly(o.postingId());
    }

    // ---- seeded interleavings, run free

    @Test
    void shipments_and_picks_racing_the_recall_holds_are_either_refused_or_on_the_notice_list() throws Exception {
        Map<String, AtomicInteger> tally = new TreeMap<>();
        for (long seed : SEEDS) {
            SplittableRandom random = new SplittableRandom(seed);
            Batch b = new Batch(1 + random.nextInt(3), 2 + random.nextInt(3), 1 + random.nextInt(3), random);
            RecallView recall = b.recall();
            List<Runnable> work = new ArrayList<>();
            ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            for (long s : b.shipments) {
                work.add(() -> outcomes.add(dispatch(b, s)));
            }
            for (long[] line : b.pickLines) {
                work.add(() -> outcomes.add(pick(b, line)));
            }
            Collections.shuffle(work, new java.util.Random(random.nextLong()));
            // each floor operation waits a seeded 0–40 ms after the start, the hold jobs a seeded 0–20 ms
            ConcurrentLinkedQueue<long[]> delays = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>(work);
            work.forEach(w -> delays.add(new long[] {random.nextInt(41)}));
            long holdDelay = random.nextInt(21);
            CyclicBarrier start = new CyclicBarrier(4);
            List<Future<?>> running = new ArrayList<>();
            running.add(threads.submit(() -> {
                start.await();
                Thread.sleep(holdDelay);
                runHoldJobs(recall.processInstanceId());
                return null;
            }));
            for (int t = 0; t < 3; t++) {
                running.add(threads.submit(() -> {
                    start.await();
                    Runnable r;
                    while ((r = queue.poll()) != null) {
                        long[] d = delays.poll();
                        Thread.sleep(d == null ? 0 : d[0]);
                        r.run();
                    }
                    return null;
                }));
            }
            for (Future<?> r : running) {
                r.get(120, TimeUnit.SECONDS);
            }
            runHoldJobs(recall.processInstanceId());
            List<Outcome> all = List.copyOf(outcomes);
            assertThat(all).hasSize(work.size());
            assertRaceInvariants(b, recall.id(), all);
            all.forEach(o -> tally.computeIfAbsent(
                            o.what().split(" ")[0] + " " + (o.code() == null ? "COMMITTED" : o.code()),
                            k -> new AtomicInteger())
                    .incrementAndGet());
        }
        System.out.println("shipments-racing-recall-holds seeds=" + SEEDS.length + " outcomes=" + tally);
    }

    // ---- what must hold after every race

    void assertRaceInvariants(Batch b, long recallId, List<Outcome> outcomes) {
        assertThat(recalls.get(recallId).status()).isEqualTo(RecallStatus.HOLDS_PLACED);
        for (Outcome o : outcomes) {
            if (o.postingId() == null) {
                assertThat(o.code())
                        .as(o.what() + " was refused with a race's code")
                        .isIn(REFUSALS);
            }
        }
        for (RecallView.Lot l : recalls.lots(recallId)) {
            assertThat(l.holdId()).as("lot " + l.lotId() + " is held").isNotNull();
            long holdSeq = jdbc.queryForObject("""
                    select min(g.lot_seq) from quality_hold h join posting_leg g on g.posting_id = h.place_posting_id
                     where h.id = ? and g.lot_id = ?""", Long.class, l.holdId(), l.lotId());
            List<String> late = jdbc.queryForList("""
                    select p.posting_type || ' ' || p.id from posting_leg g join posting p on p.id = g.posting_id
                     where g.lot_id = ? and g.lot_seq > ? and p.posting_type in ('SHIPMENT', 'PICK')""", String.class, l.lotId(), holdSeq);
            assertThat(late)
                    .as("no shipment or pick of lot " + l.lotId() + " after its hold")
                    .isEmpty();
            assertThat(jdbc.queryForObject(
                            "select coalesce(sum(quantity), 0) from stock_balance where lot_id = ? and status = 'AVAILABLE'"
                                    + " and location_id in (select id from location where kind = 'PHYSICAL')",
                            BigDecimal.class,
                            l.lotId()))
                    .as("nothing of lot " + l.lotId() + " left AVAILABLE on hand")
                    .isEqualByComparingTo(BigDecimal.ZERO);
        }
        Set<Long> dispatched = outcomes.stream()
                .filter(o -> o.what().startsWith("dispatch") && o.postingId() != null)
                .map(Outcome::postingId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Long> shipmentPostings =
                new TreeSet<>(jdbc.queryForList("""
                select distinct p.id from posting p join posting_leg g on g.posting_id = p.id
                 where p.posting_type = 'SHIPMENT' and g.lot_id = any(?)""", Long.class, (Object) b.lots.toArray(Long[]::new)));
        assertThat(shipmentPostings)
                .as("the ledger's shipments are the dispatches that committed")
                .isEqualTo(dispatched);
        Set<Long> listed = notices.of(recallId).notices().stream()
                .filter(n -> b.lots.contains(n.lotId()))
                .flatMap(n -> n.shipments().stream())
                .map(RecallNotices.Shipment::postingId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed)
                .as("every committed shipment is on the notice list, and only those")
                .isEqualTo(dispatched);
        for (long r : b.stagedReservations) {
            assertThat(reservations.get(r).state())
                    .as("staged reservation " + r + " is shipped or voided by the hold")
                    .isIn(Reservation.State.POSTED, Reservation.State.VOIDED);
        }
        assertThat(jdbc.queryForList("""
                        select b.lot_id || ' ' || b.location_id || ' ' || b.status
                          from stock_balance b
                          left join (select lot_id, location_id, status, sum(quantity) q from posting_leg
                                      where lot_id = any(?) group by 1, 2, 3) g
                            on g.lot_id = b.lot_id and g.location_id = b.location_id and g.status = b.status
                         where b.lot_id = any(?) and b.quantity <> coalesce(g.q, 0)""", String.class, b.lots.toArray(Long[]::new), b.lots.toArray(Long[]::new)))
                .as("kept balances equal the ledger's legs")
                .isEmpty();
        LedgerSelfAudit.AuditResult result = audit.run("TEST");
        assertThat(result.discrepancies())
                .filteredOn(d -> b.lots.contains(d.lotId()))
                .isEmpty();
        assertThat(result.holdDiscrepancies())
                .filteredOn(d -> b.lots.contains(d.lotId()))
                .isEmpty();
    }

    // ---- plumbing

    Job dueJob(String processInstanceId) {
        for (int i = 0; i < 100; i++) {
            List<Job> due = management
                    .createJobQuery()
                    .processInstanceId(processInstanceId)
                    .messages()
                    .list();
            if (!due.isEmpty()) {
                return due.get(0);
            }
            sleep(50);
        }
        throw new IllegalStateException("the recall has no hold job");
    }

    long postings(long lot) {
        return jdbc.queryForObject(
                "select count(distinct posting_id) from posting_leg where lot_id = ?", Long.class, lot);
    }

    long waitingForLocks() {
        return jdbc.queryForObject("select count(*) from pg_locks where not granted", Long.class);
    }

    void awaitWaiting(long before, String what) {
        for (int i = 0; i < 3000 && waitingForLocks() <= before; i++) {
            sleep(10);
        }
        assertThat(waitingForLocks()).as(what).isGreaterThan(before);
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the second never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
