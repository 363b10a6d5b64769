package org.lotledger.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 16 allocators on 16 orders over 10 hot lots holding too little stock for all of them (ADR 0012). Afterwards,
 * against the database: no (lot, location) has more pending than AVAILABLE, and per line pending reserved plus
 * backordered equals what was ordered. A deadlock between two allocations is retried the way the door retries it.
 */
@IntegrationTest
class AllocationConcurrencyTest {

    static final int THREADS = 16;
    static final int LOTS = 10;
    static final Actor OTTO = new Actor("otto", Set.of("operations"));

    @Autowired
    AllocatingOrders allocating;

    @Autowired
    SalesOrdering ordering;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void sixteen_allocators_on_ten_hot_lots_never_reserve_above_available_and_account_for_every_unit()
            throws Exception {
        AllocationFixture x = new AllocationFixture(jdbc, ledger, 0);
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < LOTS; i++) {
            x.lot(100 + rnd.nextInt(200), i % 2 == 0 ? "A1" : "A2", 20);
        }
        List<Long> orders = new ArrayList<>();
        long demanded = 0;
        for (int t = 0; t < THREADS; t++) {
            long a = 5 + rnd.nextInt(15);
            long b = 5 + rnd.nextInt(15);
            demanded += a + b;
            orders.add(ordering.place(x.order(a, b), "erp").id());
        }
        AtomicInteger retries = new AtomicInteger();
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (long order : orders) {
            done.add(pool.submit(() -> {
                start.await();
                for (int attempt = 1; ; attempt++) {
                    try {
                        allocating.allocate(order, OTTO);
                        return null;
                    } catch (TransientDataAccessException e) {
                        retries.incrementAndGet();
                        if (attempt == 5) {
                            unexpected.add(e);
                            return null;
                        }
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                        return null;
                    }
                }
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(unexpected).isEmpty();

        assertThat(x.overReserved()).isZero();
        List<Map<String, Object>> lines = jdbc.queryForList("""
                select l.id, l.ordered_base_quantity::bigint as ordered, l.allocated_base_quantity::bigint as allocated,
                       (select coalesce(sum(quantity), 0)::bigint from stock_reservation r
                         where r.demand_type = 'SALES_ORDER' and r.demand_reference = l.sales_order_id::text
                           and r.demand_line = l.id::text and r.state = 'PENDING') as reserved,
                       (select coalesce(sum(quantity), 0)::bigint from sales_order_backorder b
                         where b.sales_order_line_id = l.id) as backordered
                  from sales_order_line l where l.sales_order_id = any(?)""", (Object) orders.toArray(Long[]::new));
        long reserved = 0;
        long backordered = 0;
        for (Map<String, Object> l : lines) {
            long r = ((Number) l.get("reserved")).longValue();
            long b = ((Number) l.get("backordered")).longValue();
            assertThat(r + b).as("line %s", l.get("id")).isEqualTo(((Number) l.get("ordered")).longValue());
            assertThat(((Number) l.get("allocated")).longValue())
                    .as("line %s", l.get("id"))
                    .isEqualTo(r);
            reserved += r;
            backordered += b;
        }
        long stock = LOTS * 20L;
        System.out.printf(
                "allocation-concurrency threads=%d orders=%d lines=%d lots=%d stock=%d demanded=%d reserved=%d"
                        + " backordered=%d deadlock-retries=%d over-reserved=%d%n",
                THREADS,
                orders.size(),
                lines.size(),
                LOTS,
                stock,
                demanded,
                reserved,
                backordered,
                retries.get(),
                x.overReserved());
        assertThat(lines).hasSize(2 * THREADS);
        assertThat(reserved + backordered).isEqualTo(demanded);
        assertThat(reserved).isLessThanOrEqualTo(stock);
        assertThat(reserved)
                .as("demand exceeds stock, so contention leaves no unit unreserved beside a backorder: the last"
                        + " attempt decides under the locks of every candidate lot")
                .isEqualTo(Math.min(stock, demanded));
    }
}
