package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lotledger.ledger.StockStatus.AVAILABLE;
import static org.lotledger.ledger.StockStatus.QUARANTINE;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What other packages read and lock through the ledger instead of its tables. */
@IntegrationTest
class LedgerDoorTest {

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerQueries queries;

    @Autowired
    LotLocks locks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager txManager;

    @Test
    void the_stock_reads_answer_the_kept_balances_of_lots_at_locations() {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        long other = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 30);
        f.stock(ledger, lot, "A2", AVAILABLE, 5);
        f.stock(ledger, lot, "Q1", QUARANTINE, 7);
        f.stock(ledger, other, "A1", AVAILABLE, 2);

        assertThat(queries.quantity(lot, f.location("A1"), AVAILABLE)).isEqualTo(30);
        assertThat(queries.quantity(lot, f.location("A1"), QUARANTINE))
                .as("no such balance")
                .isZero();
        assertThat(queries.lotsAt(f.location("A1"), AVAILABLE)).containsExactly(lot, other);
        assertThat(queries.physicalStock(List.of(lot, other), AVAILABLE, null))
                .extracting(s -> f.codeOf(s.locationId()) + " " + s.status() + " " + s.quantity())
                .containsExactly("A1 AVAILABLE 30", "A2 AVAILABLE 5", "A1 AVAILABLE 2");
        assertThat(queries.physicalStock(List.of(lot), AVAILABLE, f.location("A2")))
                .extracting(LedgerQueries.Stock::quantity)
                .containsExactly(5L);
        assertThat(queries.stockAt(List.of(f.location("A1"), f.location("Q1"), f.location("A3")), lot))
                .containsValues(
                        new LedgerQueries.LocationStock(f.location("A1"), 32, 30),
                        new LedgerQueries.LocationStock(f.location("Q1"), 7, 7),
                        new LedgerQueries.LocationStock(f.location("A3"), 0, 0));
        assertThat(queries.existFor(f.itemId)).isTrue();
    }

    @Test
    void locking_lots_for_a_decision_needs_the_callers_transaction() {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        assertThatThrownBy(() -> locks.lockForDecision(List.of(lot)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void a_posting_on_a_lot_locked_for_a_decision_waits_until_the_decision_commits() throws Exception {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        long second = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 10);
        CountDownLatch locked = new CountDownLatch(1);
        AtomicLong committedAt = new AtomicLong();
        CompletableFuture<Void> decision =
                CompletableFuture.runAsync(() -> new TransactionTemplate(txManager).executeWithoutResult(s -> {
                    locks.lockForDecision(List.of(second, lot)); // any order given: taken in lot id order
                    locked.countDown();
                    sleep(1500);
                    committedAt.set(System.nanoTime());
                }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        Posting move = ledger.post(PostingRequest.of(PostingType.MOVE, LedgerFixtures.WAREHOUSE, f.key())
                .movement(new Movement(lot, f.location("A1"), AVAILABLE, f.location("A2"), AVAILABLE, 4))
                .build());
        long postedAt = System.nanoTime();
        decision.get(10, TimeUnit.SECONDS);
        assertThat(move.id()).isPositive();
        assertThat(postedAt)
                .as("the move went through only after the decision's transaction ended")
                .isGreaterThan(committedAt.get());
    }

    @Test
    void a_stale_decision_gives_its_locks_back_at_once_and_a_valid_one_keeps_them_to_the_end() throws Exception {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 10);
        for (boolean valid : List.of(false, true)) {
            CountDownLatch staleDecided = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            CompletableFuture<Boolean> decision =
                    CompletableFuture.supplyAsync(() -> new TransactionTemplate(txManager).execute(s -> {
                        boolean answer = locks.lockForDecisionIf(List.of(lot), () -> valid);
                        // the transaction goes on, as an allocation deciding again does
                        jdbc.queryForObject("select 1", Integer.class);
                        staleDecided.countDown();
                        await(done);
                        return answer;
                    }));
            assertThat(staleDecided.await(10, TimeUnit.SECONDS)).isTrue();
            boolean free = Boolean.TRUE.equals(new TransactionTemplate(txManager).execute(s -> {
                jdbc.execute("set local lock_timeout = '300ms'");
                try {
                    jdbc.queryForList("select lot_id from lot_ledger_head where lot_id = ? for update", lot);
                    return true;
                } catch (org.springframework.dao.DataAccessException e) {
                    s.setRollbackOnly();
                    return false;
                }
            }));
            done.countDown();
            assertThat(decision.get(10, TimeUnit.SECONDS)).isEqualTo(valid);
            assertThat(free)
                    .as(valid ? "a valid decision keeps the lot locked" : "a stale decision released the lot")
                    .isEqualTo(!valid);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
