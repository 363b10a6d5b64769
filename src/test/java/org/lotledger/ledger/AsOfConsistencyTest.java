package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.ledger.LedgerFixtures.WAREHOUSE;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ADR 0005: an as-of balance read while other postings commit is the answer for good. Three writers move one lot
 * between two shelves while a reader takes count snapshots and reads the as-of balances of both shelves. Every
 * snapshot must show the lot whole (no move half-seen), and after the writers stop every answer must read the
 * same again and equal a replay of the legs recorded up to that instant.
 */
@IntegrationTest
class AsOfConsistencyTest {

    static final int WRITERS = 3;
    static final int MOVES_PER_WRITER = 150;
    static final long STOCK = 1_000;

    @Autowired
    MovingStock moving;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    record Reading(Instant at, BigDecimal a1, BigDecimal a2) {}

    @Test
    void as_of_answers_taken_while_postings_commit_never_change_and_never_see_half_a_posting() throws Exception {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, STOCK);
        long a1 = f.location("A1");
        long a2 = f.location("A2");

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            long seed = 7L + w;
            writers.add(pool.submit(() -> {
                Random rnd = new Random(seed);
                for (int i = 0; i < MOVES_PER_WRITER; i++) {
                    boolean forth = rnd.nextBoolean();
                    try {
                        moving.move(
                                new MovingStock.ScanMove(
                                        null,
                                        f.labelOf(lot),
                                        f.barcode(forth ? "A1" : "A2"),
                                        f.barcode(forth ? "A2" : "A1"),
                                        BigDecimal.valueOf(1 + rnd.nextInt(3)),
                                        "EA",
                                        null,
                                        null),
                                WAREHOUSE,
                                f.key());
                    } catch (DomainException e) {
                        // a shelf ran empty: refused and posted nothing, which is fine here
                    }
                }
                return null;
            }));
        }
        Future<List<Reading>> reader = pool.submit(() -> {
            List<Reading> readings = new ArrayList<>();
            while (writing.get()) {
                Instant at = readings.size() % 2 == 0
                        ? queries.countSnapshot(List.of(lot))
                        : Instant.now().minusMillis(1);
                readings.add(new Reading(at, asOf(lot, a1, at), asOf(lot, a2, at)));
            }
            return readings;
        });
        for (Future<?> w : writers) {
            w.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);
        List<Reading> readings = reader.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        assertThat(readings).as("readings taken while writers ran").hasSizeGreaterThan(20);
        for (Reading r : readings) {
            assertThat(r.a1().add(r.a2()))
                    .as("the lot is whole at %s", r.at())
                    .isEqualByComparingTo(BigDecimal.valueOf(STOCK));
            assertThat(asOf(lot, a1, r.at()))
                    .as("A1 as of %s, read again", r.at())
                    .isEqualByComparingTo(r.a1());
            assertThat(asOf(lot, a2, r.at()))
                    .as("A2 as of %s, read again", r.at())
                    .isEqualByComparingTo(r.a2());
            assertThat(replay(lot, a1, r.at()))
                    .as("A1 replayed up to %s", r.at())
                    .isEqualByComparingTo(r.a1());
        }
        long distinct = readings.stream().map(r -> r.a1()).distinct().count();
        assertThat(distinct).as("the readings saw the balance move").isGreaterThan(1);
    }

    private BigDecimal asOf(long lot, long location, Instant at) {
        return queries.balanceAsOf(lot, location, at).balances().get(StockStatus.AVAILABLE);
    }

    private BigDecimal replay(long lot, long location, Instant at) {
        return jdbc.queryForObject("""
                select coalesce(sum(quantity), 0) from posting_leg
                 where lot_id = ? and location_id = ? and status = 'AVAILABLE' and recorded_at <= ?""", BigDecimal.class, lot, location, Timestamp.from(at));
    }
}
