package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.ledger.LedgerFixtures.WAREHOUSE;
import static org.lotledger.ledger.StockStatus.AVAILABLE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 16 threads on 10 hot lots holding too little stock for all of them (ADR 0011): they reserve, pick what they
 * reserved (consuming part or all of it), void, and move unreserved stock away. Afterwards, counted against the
 * database: no lot and location is reserved above AVAILABLE, every accepted reservation exists once, each is posted
 * at most once and by one posting, every refusal was one of the expected codes, and nothing failed otherwise.
 */
@IntegrationTest
class ReservationConcurrencyTest {

    static final int THREADS = 16;
    static final int OPERATIONS_PER_THREAD = 60;
    static final int LOTS = 10;
    static final Actor ALLOCATOR = new Actor("otto", Set.of("operations"));
    static final Set<String> EXPECTED_REFUSALS =
            Set.of("INSUFFICIENT_UNRESERVED_STOCK", "STOCK_RESERVED", "INSUFFICIENT_BALANCE");

    @Autowired
    Reservations reservations;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerSelfAudit audit;

    @Test
    void concurrent_reservers_and_pickers_never_reserve_above_available() throws Exception {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        List<Long> lots = new ArrayList<>();
        for (int i = 0; i < LOTS; i++) {
            long lot = f.newLot();
            f.stock(ledger, lot, "A1", AVAILABLE, 30);
            lots.add(lot);
        }
        long a1 = f.location("A1");
        long a2 = f.location("A2");
        String demand = "SO-" + f.tag;

        Map<Long, Long> accepted = new ConcurrentHashMap<>(); // reservation id -> quantity
        Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
        AtomicLong picks = new AtomicLong();
        AtomicLong voids = new AtomicLong();
        AtomicLong moves = new AtomicLong();
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                SplittableRandom rnd = new SplittableRandom(4711L + thread);
                List<Reservation> mine = new ArrayList<>();
                start.await();
                for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                    long lot = lots.get(rnd.nextInt(LOTS));
                    int op = rnd.nextInt(10);
                    try {
                        if (op < 6 || mine.isEmpty()) {
                            Reservation r = reservations.reserve(
                                    new Reservations.ReserveRequest(
                                            new Reservation.Demand("SALES_ORDER", demand, thread + "-" + i),
                                            lot,
                                            a1,
                                            1 + rnd.nextInt(6),
                                            "ALLOC-050"),
                                    ALLOCATOR,
                                    f.key());
                            accepted.put(r.id(), r.quantity());
                            mine.add(r);
                        } else if (op < 8) {
                            Reservation r = mine.remove(rnd.nextInt(mine.size()));
                            long take = 1 + rnd.nextInt((int) r.quantity());
                            ledger.post(PostingRequest.of(PostingType.PICK, WAREHOUSE, f.key())
                                    .movement(new Movement(r.lotId(), a1, AVAILABLE, a2, AVAILABLE, take))
                                    .consumes(r.id(), take)
                                    .build());
                            picks.incrementAndGet();
                        } else if (op < 9) {
                            Reservation r = mine.remove(rnd.nextInt(mine.size()));
                            reservations.voidPending(List.of(r.id()), VoidReason.CANCELLED, ALLOCATOR);
                            voids.incrementAndGet();
                        } else {
                            // unreserved stock moving away: refused where it would leave less than is reserved
                            ledger.post(PostingRequest.of(PostingType.MOVE, WAREHOUSE, f.key())
                                    .movement(new Movement(lot, a1, AVAILABLE, a2, AVAILABLE, 1 + rnd.nextInt(3)))
                                    .build());
                            moves.incrementAndGet();
                        }
                    } catch (DomainException e) {
                        refused.computeIfAbsent(e.code(), k -> new AtomicLong()).incrementAndGet();
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

        assertThat(unexpected).as("errors no request caused").isEmpty();
        assertThat(refused.keySet()).isSubsetOf(EXPECTED_REFUSALS);
        assertThat(refused.get("INSUFFICIENT_UNRESERVED_STOCK"))
                .as("the stock is too little: reservations were refused")
                .isNotNull();

        // counted against the database
        List<String> overReserved = jdbc.query(
                """
                select r.lot_id, r.location_id, sum(r.quantity) as reserved, coalesce(b.quantity, 0) as available
                  from stock_reservation r
                  left join stock_balance b
                    on b.lot_id = r.lot_id and b.location_id = r.location_id and b.status = 'AVAILABLE'
                 where r.state = 'PENDING' and r.lot_id = any(?)
                 group by r.lot_id, r.location_id, b.quantity
                having sum(r.quantity) > coalesce(b.quantity, 0)""",
                (rs, i) ->
                        rs.getLong(1) + "@" + rs.getLong(2) + " " + rs.getBigDecimal(3) + " > " + rs.getBigDecimal(4),
                (Object) lots.toArray(Long[]::new));
        assertThat(overReserved).isEmpty();
        Map<String, Object> counts = jdbc.queryForMap("""
                select count(*) as reservations,
                       count(*) filter (where state = 'PENDING') as pending,
                       count(*) filter (where state = 'POSTED') as posted,
                       count(*) filter (where state = 'VOIDED') as voided,
                       coalesce(sum(quantity), 0) as reserved
                  from stock_reservation where demand_reference = ?""", demand);
        assertThat(((Number) counts.get("reservations")).longValue()).isEqualTo(accepted.size());
        assertThat(((Number) counts.get("posted")).longValue()).isEqualTo(picks.get());
        assertThat(((Number) counts.get("voided")).longValue()).isEqualTo(voids.get());
        assertThat(((java.math.BigDecimal) counts.get("reserved")).longValue())
                .isEqualTo(accepted.values().stream().mapToLong(Long::longValue).sum());
        // each reservation posted at most once, by one posting, and its events match its state
        assertThat(jdbc.queryForObject("""
                        select count(*) from (
                            select e.reservation_id from stock_reservation_event e
                              join stock_reservation r on r.id = e.reservation_id
                             where r.demand_reference = ? and e.event in ('POSTED', 'VOIDED')
                             group by e.reservation_id having count(*) > 1) twice""", Long.class, demand)).isZero();
        // stock conserved per lot: 30 each, between A1, A2 and the opening balance's adjustment location
        assertThat(jdbc.queryForList(
                        "select sum(quantity) from stock_balance where lot_id = any(?) and location_id in (?, ?)"
                                + " group by lot_id",
                        java.math.BigDecimal.class,
                        lots.toArray(Long[]::new),
                        a1,
                        a2))
                .allSatisfy(q -> assertThat(q).isEqualByComparingTo("30"));
        assertThat(audit.run("TEST").reservationLeaks()).noneMatch(l -> lots.contains(l.lotId()));
        System.out.printf(
                "reservation-concurrency threads=%d lots=%d reserved=%d pending=%s posted=%s voided=%s moves=%d refused=%s%n",
                THREADS,
                LOTS,
                accepted.size(),
                counts.get("pending"),
                counts.get("posted"),
                counts.get("voided"),
                moves.get(),
                refused);
    }
}
