package org.lotledger.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lotledger.LotLedgerApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Postings per second through the application's posting gate, side by side with a raw-JDBC baseline of the same
 * transaction shape (one row per leg plus the balance upserts, one commit per posting), at 1 and 4 writers, on
 * the embedded PostgreSQL with durable commits. Prints figures; asserts nothing about speed.
 * Run with {@code ./mvnw -B -Pbenchmark verify}.
 */
@SpringBootTest(classes = LotLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"lotledger.embedded-postgres.synchronous-commit=true", "lotledger.demo.enabled=false"})
@ActiveProfiles("test")
class LedgerPostingBenchmark {

    private static final Logger log = LoggerFactory.getLogger(LedgerPostingBenchmark.class);
    static final long WARMUP_MS = Long.getLong("bench.warmupMs", 3_000);
    static final long MEASURE_MS = Long.getLong("bench.measureMs", 10_000);
    static final int LOTS_PER_WRITER = 25;

    @Autowired Ledger ledger;
    @Autowired PostingExecutor executor;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    @Test
    void ledger_postings_per_second_app_versus_raw_jdbc() throws Exception {
        String sync = jdbc.queryForObject("show synchronous_commit", String.class);
        String fsync = jdbc.queryForObject("show fsync", String.class);
        log.info("benchmark database: synchronous_commit={} fsync={}", sync, fsync);
        System.out.printf("ledger-postings settings synchronous_commit=%s fsync=%s warmup=%dms measure=%dms%n",
                sync, fsync, WARMUP_MS, MEASURE_MS);
        LedgerFixtures f = new LedgerFixtures(jdbc);
        int maxWriters = 4;
        List<Long> lots = new ArrayList<>();
        for (int i = 0; i < maxWriters * LOTS_PER_WRITER; i++) {
            long lot = f.newLot();
            f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 1_000_000);
            lots.add(lot);
        }
        jdbc.execute("""
                create table if not exists bench_leg (id bigserial primary key, posting_key varchar(200) not null,
                  lot_id bigint not null, location_id bigint not null, status varchar(20) not null,
                  quantity numeric(19,4) not null, unit_cost numeric(19,4) not null, currency char(3) not null,
                  extended_value numeric(19,4) not null, recorded_at timestamptz not null)""");
        jdbc.execute("""
                create table if not exists bench_balance (lot_id bigint, location_id bigint, status varchar(20),
                  quantity numeric(19,4) not null, primary key (lot_id, location_id, status))""");
        if (Boolean.getBoolean("bench.experiment.noConservationTrigger")) {
            jdbc.execute("alter table posting_leg disable trigger posting_leg_balanced");
        }
        try {
            for (int writers : new int[]{1, 4}) {
                double app = measure(writers, w -> appPosting(f, lots, w));
                System.out.println("ledger-postings waits writers=" + writers + " app " + lastWaits);
                double raw = measure(writers, w -> jdbcPosting(f, lots, w));
                System.out.println("ledger-postings waits writers=" + writers + " jdbc " + lastWaits);
                String line = String.format(Locale.ROOT, "ledger-postings writers=%d app=%.0f/s jdbc=%.0f/s ratio=%.2f",
                        writers, app, raw, app / raw);
                System.out.println(line);
                log.info(line);
            }
        } finally {
            jdbc.execute("drop table if exists bench_leg");
            jdbc.execute("drop table if exists bench_balance");
        }
    }

    private final List<Connection> baselineConnections = new java.util.concurrent.CopyOnWriteArrayList<>();

    interface Writer {
        Runnable forWriter(int writer) throws Exception;
    }

    private double measure(int writers, Writer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong count = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Runnable one = work.forWriter(w);
            futures.add(pool.submit(() -> {
                while (!stop.get()) {
                    one.run();
                    if (counting.get()) {
                        count.incrementAndGet();
                    }
                }
            }));
        }
        Thread.sleep(WARMUP_MS);
        counting.set(true);
        long t0 = System.nanoTime();
        lastWaits = sampleWaits(MEASURE_MS);
        counting.set(false);
        long elapsed = System.nanoTime() - t0;
        stop.set(true);
        for (Future<?> fu : futures) {
            fu.get();
        }
        pool.shutdown();
        for (Connection c : baselineConnections) {
            c.close();
        }
        baselineConnections.clear();
        return count.get() / (elapsed / 1e9);
    }

    private volatile java.util.Map<String, Integer> lastWaits = java.util.Map.of();

    /**
     * What the database sessions of the writers wait on, sampled every 50 ms while measuring: the figure that says
     * whether a run is limited by locks, by WAL flushes or by the client.
     */
    private java.util.Map<String, Integer> sampleWaits(long millis) throws InterruptedException {
        java.util.Map<String, Integer> waits = new java.util.TreeMap<>();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            jdbc.query("""
                    select coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, state)
                           || case when state = 'active' then ' ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 60) else '' end as w,
                           count(*)
                      from pg_stat_activity
                     where backend_type = 'client backend' and pid <> pg_backend_pid() and state <> 'idle'
                     group by 1""", rs -> {
                waits.merge(rs.getString(1), rs.getInt(2), Integer::sum);
            });
            Thread.sleep(50);
        }
        return waits;
    }

    /** A move of one unit between two shelves of one of the writer's own lots, through the posting gate. */
    private Runnable appPosting(LedgerFixtures f, List<Long> lots, int writer) {
        long a1 = f.location("A1");
        long a2 = f.location("A2");
        long[] i = {0};
        return () -> {
            long lot = lots.get(writer * LOTS_PER_WRITER + (int) (i[0]++ % LOTS_PER_WRITER));
            executor.inTransaction(() -> ledger.post(PostingRequest.of(PostingType.MOVE, LedgerFixtures.WAREHOUSE,
                    UUID.randomUUID().toString()).movement(new Movement(lot, a1, StockStatus.AVAILABLE, a2,
                    StockStatus.AVAILABLE, 1)).build()));
        };
    }

    /** The same shape in plain JDBC: two leg rows, two balance upserts, one commit. */
    private Runnable jdbcPosting(LedgerFixtures f, List<Long> lots, int writer) throws Exception {
        long a1 = f.location("A1");
        long a2 = f.location("A2");
        Connection c = dataSource.getConnection();
        baselineConnections.add(c);
        c.setAutoCommit(false);
        PreparedStatement leg = c.prepareStatement("""
                insert into bench_leg (posting_key, lot_id, location_id, status, quantity, unit_cost, currency,
                                       extended_value, recorded_at) values (?, ?, ?, 'AVAILABLE', ?, 2.5, 'USD', ?, now())""");
        PreparedStatement bal = c.prepareStatement("""
                insert into bench_balance (lot_id, location_id, status, quantity) values (?, ?, 'AVAILABLE', ?)
                on conflict (lot_id, location_id, status) do update set quantity = bench_balance.quantity + excluded.quantity""");
        long[] i = {0};
        return () -> {
            long lot = lots.get(writer * LOTS_PER_WRITER + (int) (i[0]++ % LOTS_PER_WRITER));
            String key = UUID.randomUUID().toString();
            try {
                for (long[] l : new long[][]{{a1, -1}, {a2, 1}}) {
                    leg.setString(1, key);
                    leg.setLong(2, lot);
                    leg.setLong(3, l[0]);
                    leg.setBigDecimal(4, BigDecimal.valueOf(l[1]));
                    leg.setBigDecimal(5, BigDecimal.valueOf(l[1] * 2.5));
                    leg.addBatch();
                    bal.setLong(1, lot);
                    bal.setLong(2, l[0]);
                    bal.setBigDecimal(3, BigDecimal.valueOf(l[1]));
                    bal.addBatch();
                }
                leg.executeBatch();
                bal.executeBatch();
                c.commit();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
