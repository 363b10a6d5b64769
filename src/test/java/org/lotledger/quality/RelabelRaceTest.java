package org.lotledger.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.ledger.StockStatus.AVAILABLE;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.LedgerSelfAudit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A relabel while a hold is placed on the parent (issue 11 §6): both take the hold-decision lock before the lot's,
 * so one comes wholly before the other. Each order is forced: the first one's transaction is held open until the
 * second is seen waiting for the lock, then committed. Either way no HOLD stock is outside a hold and the self-audit
 * finds nothing wrong with either lot.
 */
@IntegrationTest
class RelabelRaceTest {

    @Autowired
    RelabellingLot relabelling;

    @Autowired
    PlacingHold placing;

    @Autowired
    QualityHolds holds;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerSelfAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager txManager;

    LedgerFixtures f;
    Actor quality;
    long parent;
    ExecutorService threads;

    @BeforeEach
    void stock() {
        f = new LedgerFixtures(jdbc);
        quality = new Actor("quinn", Set.of("quality"));
        parent = f.newLot();
        f.stock(ledger, parent, "A1", AVAILABLE, 20);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void a_hold_placed_first_leaves_nothing_available_to_relabel() throws Exception {
        CompletableFuture<Long> hold = first(this::placeHold);
        CompletableFuture<Object> relabel = second(() -> relabelFive("A-" + f.tag));

        long holdId = hold.get(60, TimeUnit.SECONDS);
        Object answer = relabel.get(60, TimeUnit.SECONDS);
        assertThat(answer).as("the relabel saw the HOLD stock only").isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(f.balancesOf(parent)).containsExactly("A1 HOLD 20", "ADJ AVAILABLE -20");
        assertThat(holds.remaining(holdId))
                .extracting(HoldView.Remaining::quantity)
                .containsExactly(20L);
        assertClean(parent);
    }

    @Test
    void a_relabel_first_leaves_the_hold_the_parents_rest() throws Exception {
        CompletableFuture<Object> relabel = first(() -> relabelFive("B-" + f.tag));
        CompletableFuture<Long> hold = second(this::placeHold);

        RelabellingLot.Relabelled r = (RelabellingLot.Relabelled) relabel.get(60, TimeUnit.SECONDS);
        long holdId = hold.get(60, TimeUnit.SECONDS);
        long child = r.child().id();
        assertThat(f.balancesOf(parent)).containsExactly("A1 HOLD 15", "ADJ AVAILABLE -15");
        assertThat(f.balancesOf(child)).containsExactly("A1 AVAILABLE 5", "ADJ AVAILABLE -5");
        assertThat(holds.remaining(holdId))
                .extracting(x -> x.lotId() + " " + x.quantity())
                .containsExactly(parent + " 15");
        assertClean(parent, child);
    }

    // ---- the forced order

    private final CountDownLatch firstDone = new CountDownLatch(1);
    private final CountDownLatch secondWaiting = new CountDownLatch(1);

    /** Runs {@code work} in a transaction that commits only once the second is waiting for the hold-decision lock. */
    <T> CompletableFuture<T> first(Supplier<T> work) throws InterruptedException {
        CompletableFuture<T> f = CompletableFuture.supplyAsync(
                () -> new TransactionTemplate(txManager).execute(s -> {
                    T result = work.get();
                    firstDone.countDown();
                    await(secondWaiting);
                    return result;
                }),
                threads);
        assertThat(firstDone.await(60, TimeUnit.SECONDS))
                .as("the first did its work")
                .isTrue();
        return f;
    }

    /** Starts {@code work}; returns once it waits for the hold-decision lock the first holds. */
    <T> CompletableFuture<T> second(Supplier<T> work) throws InterruptedException {
        long waitingBefore = waitingForAdvisoryLocks();
        CompletableFuture<T> f = CompletableFuture.supplyAsync(work, threads);
        for (int i = 0; i < 3000 && waitingForAdvisoryLocks() <= waitingBefore; i++) {
            Thread.sleep(10);
        }
        assertThat(waitingForAdvisoryLocks())
                .as("the second waits for the lock")
                .isGreaterThan(waitingBefore);
        secondWaiting.countDown();
        return f;
    }

    long waitingForAdvisoryLocks() {
        return jdbc.queryForObject(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted", Long.class);
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

    long placeHold() {
        return placing.place(
                        new PlacingHold.HoldRequest(HoldScope.LOT, parent, null, HoldReason.INVESTIGATION, null),
                        LedgerFixtures.QUALITY,
                        f.key())
                .hold()
                .id();
    }

    /** The relabel's answer, or the code it was refused with. */
    Object relabelFive(String lotNumber) {
        try {
            return relabelling.relabel(
                    parent,
                    new RelabellingLot.Relabel(lotNumber, f.location("A1"), AVAILABLE, 5, null, null, null, null, null),
                    quality,
                    f.key());
        } catch (DomainException e) {
            return e.code();
        }
    }

    void assertClean(long... lots) {
        LedgerSelfAudit.AuditResult result = audit.run("TEST");
        Set<Long> mine = java.util.Arrays.stream(lots).boxed().collect(java.util.stream.Collectors.toSet());
        assertThat(result.discrepancies())
                .filteredOn(d -> mine.contains(d.lotId()))
                .isEmpty();
        assertThat(result.holdDiscrepancies())
                .filteredOn(d -> mine.contains(d.lotId()))
                .isEmpty();
    }
}
