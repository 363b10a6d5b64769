package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.ledger.LedgerFixtures.INVENTORY;
import static org.lotledger.ledger.LedgerFixtures.WAREHOUSE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 8 threads × 200 requests against three hot lot/location buckets that hold too little stock for all of them:
 * moves between the buckets and adjustments that drain them. Afterwards no shelf is negative, every lot's
 * quantity is conserved, the kept balances equal a replay of the ledger, every accepted request has exactly one
 * posting and every refused one none, and no request failed with an error it did not cause.
 */
@IntegrationTest
class LedgerConcurrencyTest {

    static final int THREADS = 8;
    static final int REQUESTS_PER_THREAD = 200;

    @Autowired
    MovingStock moving;

    @Autowired
    AdjustingStock adjusting;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    record Hot(long lot, String location) {}

    @Test
    void concurrent_postings_on_hot_buckets_never_go_negative_and_lose_nothing() throws Exception {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot1 = f.newLot();
        long lot2 = f.newLot();
        f.stock(ledger, lot1, "A1", StockStatus.AVAILABLE, 40);
        f.stock(ledger, lot1, "A2", StockStatus.AVAILABLE, 40);
        f.stock(ledger, lot2, "A1", StockStatus.AVAILABLE, 40);
        // three hot buckets; lot 2's stock flows back from A2 too, so moves keep competing for the same units
        List<Hot> hot = List.of(new Hot(lot1, "A1"), new Hot(lot1, "A2"), new Hot(lot2, "A1"), new Hot(lot2, "A2"));

        Map<String, Long> accepted = new ConcurrentHashMap<>(); // idempotency key -> posting id
        Map<String, String> refused = new ConcurrentHashMap<>(); // idempotency key -> error code
        List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Long, Long> drained = new ConcurrentHashMap<>(); // lot -> units adjusted out

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = 42L + t;
            done.add(pool.submit(() -> {
                Random rnd = new Random(seed);
                start.await();
                for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                    Hot from = hot.get(rnd.nextInt(hot.size()));
                    String key = f.key();
                    try {
                        Posting p;
                        if (rnd.nextInt(10) < 9) {
                            int qty = 1 + rnd.nextInt(8);
                            String to = from.location().equals("A1") ? "A2" : "A1";
                            p = moving.move(
                                    new MovingStock.ScanMove(
                                            null,
                                            f.labelOf(from.lot()),
                                            f.barcode(from.location()),
                                            f.barcode(to),
                                            BigDecimal.valueOf(qty),
                                            "EA",
                                            null,
                                            null),
                                    WAREHOUSE,
                                    key);
                        } else {
                            int qty = 1 + rnd.nextInt(3);
                            p = adjusting.adjust(
                                    new AdjustingStock.Adjustment(
                                            f.labelOf(from.lot()),
                                            f.barcode(from.location()),
                                            StockStatus.AVAILABLE,
                                            BigDecimal.valueOf(-qty),
                                            "EA",
                                            "COUNT_VARIANCE",
                                            null,
                                            null),
                                    INVENTORY,
                                    key);
                            drained.merge(from.lot(), (long) qty, Long::sum);
                        }
                        accepted.put(key, p.id());
                    } catch (DomainException e) {
                        refused.put(key, e.code());
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> d : done) {
            d.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        org.slf4j.LoggerFactory.getLogger(getClass())
                .info(
                        "concurrency: {} accepted, {} refused, {} unexpected",
                        accepted.size(),
                        refused.size(),
                        unexpected.size());
        assertThat(unexpected).as("errors the callers did not cause").isEmpty();
        assertThat(accepted.size() + refused.size()).isEqualTo(THREADS * REQUESTS_PER_THREAD);
        assertThat(refused.values())
                .as("there was too little stock for everyone")
                .contains("INSUFFICIENT_BALANCE");
        assertThat(refused.values()).allMatch(c -> c.equals("INSUFFICIENT_BALANCE"));
        assertThat(accepted).hasSizeGreaterThan(THREADS * REQUESTS_PER_THREAD / 5);

        Long[] lots = {lot1, lot2};
        assertThat(jdbc.queryForObject("""
                select count(*) from stock_balance where lot_id = any(?) and not may_go_negative and quantity < 0""", Long.class, (Object) lots)).isZero();
        assertThat(jdbc.queryForList(
                        "select sum(quantity) from stock_balance where lot_id = any(?) group by lot_id",
                        BigDecimal.class,
                        (Object) lots))
                .allMatch(s -> s.signum() == 0);
        for (long lot : lots) {
            BigDecimal onShelves = jdbc.queryForObject("""
                    select coalesce(sum(b.quantity), 0) from stock_balance b join location l on l.id = b.location_id
                     where b.lot_id = ? and l.kind = 'PHYSICAL'""", BigDecimal.class, lot);
            long initial = lot == lot1 ? 80 : 40;
            assertThat(onShelves.longValueExact()).isEqualTo(initial - drained.getOrDefault(lot, 0L));
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from (
                  select lot_id, location_id, status, sum(quantity) q from posting_leg where lot_id = any(?)
                   group by 1, 2, 3) r
                  full join (select * from stock_balance where lot_id = any(?)) b
                    on b.lot_id = r.lot_id and b.location_id = r.location_id and b.status = r.status
                 where coalesce(r.q, 0) <> coalesce(b.quantity, 0)""", Long.class, lots, lots))
                .as("kept balances equal the replay")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from posting where idempotency_key = any(?)", Long.class, (Object)
                                accepted.keySet().toArray(String[]::new)))
                .isEqualTo(accepted.size());
        assertThat(jdbc.queryForObject("select count(distinct id) from posting where id = any(?)", Long.class, (Object)
                        accepted.values().toArray(Long[]::new)))
                .isEqualTo(accepted.size());
        assertThat(jdbc.queryForObject(
                        "select count(*) from posting where idempotency_key = any(?)", Long.class, (Object)
                                refused.keySet().toArray(String[]::new)))
                .isZero();
        // per lot, the ledger sequence has no gaps and no duplicates: it is the commit order
        assertThat(jdbc.queryForObject("""
                select count(*) from (select lot_id, max(lot_seq) m, count(*) c from posting_leg where lot_id = any(?)
                                       group by lot_id) s where m <> c""", Long.class, (Object) lots)).isZero();
    }
}
