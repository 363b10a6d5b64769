package org.lotledger.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lotledger.LotLedgerApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Postings per second through the application's posting gate, side by side with two raw-JDBC baselines, at 1 and
 * 4 writers, on the embedded PostgreSQL with durable commits. Prints figures; asserts nothing about speed.
 * Run with {@code ./mvnw -B -Pbenchmark verify}.
 *
 * <ul>
 *   <li><b>app</b>: a one-unit MOVE between two shelves through {@link PostingExecutor} and {@link Ledger#post}.
 *   <li><b>jdbc-minimal</b>: two leg rows and two balance upserts into tables with a primary key only, one commit:
 *       what the invariants and the application cost together ({@code ratio-minimal}).
 *   <li><b>jdbc-same-schema</b>: the rows the application writes (posting, legs, balance update or insert, lot-head
 *       update) into the real ledger tables with every constraint, index and trigger on, with the same locking
 *       (lot heads {@code for update} in lot order, then the balances read under the lock, one round trip) and the
 *       same one write statement ({@link PostingRows#APPEND}), without the application's checks and lookups: what
 *       the application adds on top of its own schema ({@code ratio-same-schema}).
 * </ul>
 */
@SpringBootTest(
        classes = LotLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"lotledger.embedded-postgres.synchronous-commit=true", "lotledger.demo.enabled=false"})
@ActiveProfiles("test")
class LedgerPostingBenchmark {

    static final long WARMUP_MS = Long.getLong("bench.warmupMs", 3_000);
    static final long MEASURE_MS = Long.getLong("bench.measureMs", 10_000);
    /** The application's path is long (Spring, Hibernate, the driver): the JIT was still compiling it after 9 s. */
    static final long APP_WARMUP_MS = Long.getLong("bench.appWarmupMs", 20_000);
    /** The measured span of each workload is cut in rounds that take turns, so a load change on a shared machine
     *  hits the three alike instead of whichever ran at the time. */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 4);

    static final int LOTS_PER_WRITER = 25;

    @Autowired
    Ledger ledger;

    @Autowired
    PostingExecutor executor;

    @Autowired
    LedgerSelfAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void ledger_postings_per_second_app_versus_raw_jdbc() throws Exception {
        String sync = jdbc.queryForObject("show synchronous_commit", String.class);
        String fsync = jdbc.queryForObject("show fsync", String.class);
        System.out.printf(
                "ledger-postings-settings synchronous_commit=%s fsync=%s warmup=%dms app-warmup=%dms measure=%dms "
                        + "rounds=%d cores=%d load=%s%n",
                sync,
                fsync,
                WARMUP_MS,
                APP_WARMUP_MS,
                MEASURE_MS,
                ROUNDS,
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
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
        Map<String, Writer> workloads = new LinkedHashMap<>();
        workloads.put("app", w -> appPosting(f, lots, w));
        workloads.put("jdbc-minimal", w -> minimalPosting(f, lots, w));
        workloads.put("jdbc-same-schema", w -> sameSchemaPosting(f, lots, w, null));
        // -Dbench.workloads=app runs one alone (to profile it); the result line needs all three
        String only = System.getProperty("bench.workloads", "");
        if (!only.isBlank()) {
            workloads.keySet().retainAll(List.of(only.split(",")));
        }
        try {
            // every path runs before anything is counted (the JIT, the connections, the buffers)
            for (Writer work : workloads.values()) {
                run(1, work, work == workloads.get("app") ? APP_WARMUP_MS : WARMUP_MS, 0);
            }
            for (int writers : new int[] {1, 4}) {
                Map<String, long[]> done = new LinkedHashMap<>();
                Map<String, Map<String, Integer>> waits = new LinkedHashMap<>();
                for (int round = 0; round < ROUNDS; round++) {
                    for (var e : workloads.entrySet()) {
                        long[] countAndNanos =
                                runCounting(writers, e.getValue(), WARMUP_MS / ROUNDS, MEASURE_MS / ROUNDS);
                        done.merge(e.getKey(), countAndNanos, (a, b) ->
                                new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4]});
                        lastWaits.forEach((w, n) -> waits.computeIfAbsent(e.getKey(), k -> new TreeMap<>())
                                .merge(w, n, Integer::sum));
                    }
                }
                Map<String, Double> rate = new LinkedHashMap<>();
                done.forEach((name, cn) -> rate.put(name, cn[0] / (cn[1] / 1e9)));
                waits.forEach((name, w) ->
                        System.out.println("ledger-postings-waits writers=" + writers + " " + name + " " + w));
                // CPU per posting does not depend on what else the machine runs: it says where the work is
                done.forEach((name, cn) -> System.out.printf(
                        Locale.ROOT,
                        "ledger-postings-cpu writers=%d %s postings=%d client=%.0fus db=%.0fus per posting, jit=%dms meanwhile%n",
                        writers,
                        name,
                        cn[0],
                        cn[2] / 1e3 / Math.max(1, cn[0]),
                        cn[3] / 1e3 / Math.max(1, cn[0]),
                        cn[4]));
                System.out.println("ledger-postings-load writers=" + writers + " " + loadAverage());
                if (rate.size() == 3) {
                    double app = rate.get("app");
                    double minimal = rate.get("jdbc-minimal");
                    double same = rate.get("jdbc-same-schema");
                    System.out.println(String.format(
                            Locale.ROOT,
                            "ledger-postings writers=%d app=%.0f/s jdbc-minimal=%.0f/s jdbc-same-schema=%.0f/s "
                                    + "ratio-minimal=%.2f ratio-same-schema=%.2f",
                            writers,
                            app,
                            minimal,
                            same,
                            app / minimal,
                            app / same));
                }
            }
        } finally {
            if (Boolean.getBoolean("bench.experiment.noConservationTrigger")) {
                jdbc.execute("alter table posting_leg enable trigger posting_leg_balanced");
            }
            jdbc.execute("drop table if exists bench_leg");
            jdbc.execute("drop table if exists bench_balance");
        }
        if (Boolean.getBoolean("bench.explain")) {
            // where the database spends the write statement's time: its plan, its triggers (foreign keys, conservation)
            List<List<String>> plans = new ArrayList<>();
            Runnable explain = sameSchemaPosting(f, lots, 0, plans::add);
            for (int i = 0; i < 50; i++) {
                explain.run();
            }
            plans.get(plans.size() - 1).forEach(l -> System.out.println("ledger-postings-explain " + l));
            for (Connection c : baselineConnections) {
                c.close();
            }
            baselineConnections.clear();
        }
        // the same-schema baseline writes real ledger rows: they must be as right as the application's
        var result = audit.run("BENCHMARK");
        Long wrongBalanceAfter = jdbc.queryForObject("""
                select count(*) from stock_balance b
                  join lateral (select balance_after from posting_leg l
                                 where l.lot_id = b.lot_id and l.location_id = b.location_id and l.status = b.status
                                 order by l.lot_seq desc limit 1) last on true
                 where last.balance_after <> b.quantity""", Long.class);
        Long seqGaps = jdbc.queryForObject("""
                select count(*) from lot_ledger_head h
                 where h.last_seq <> (select count(*) from posting_leg l where l.lot_id = h.lot_id)""", Long.class);
        System.out.printf(
                "ledger-postings-check audit-discrepancies=%d balance-after-mismatches=%d lot-seq-gaps=%d%n",
                result.discrepancies().size(), wrongBalanceAfter, seqGaps);
    }

    /** The machine's load averages (1, 5, 15 min): figures taken on a shared, busy machine say so. */
    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ");
            return f[0] + "/" + f[1] + "/" + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private final List<Connection> baselineConnections = new CopyOnWriteArrayList<>();

    interface Writer {
        Runnable forWriter(int writer) throws Exception;
    }

    private void run(int writers, Writer work, long warmupMs, long measureMs) throws Exception {
        runCounting(writers, work, warmupMs, measureMs);
    }

    /** Runs the work with this many writers: postings counted over the measured span, and its length in ns. */
    private long[] runCounting(int writers, Writer work, long warmupMs, long measureMs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong count = new AtomicLong();
        List<Long> writerThreads = new CopyOnWriteArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Runnable one = work.forWriter(w);
            futures.add(pool.submit(() -> {
                writerThreads.add(Thread.currentThread().getId());
                while (!stop.get()) {
                    one.run();
                    if (counting.get()) {
                        count.incrementAndGet();
                    }
                }
            }));
        }
        Thread.sleep(warmupMs);
        Map<Long, Long> db0 = databaseCpuTicks();
        long jvm0 = cpuNanos(writerThreads);
        long jit0 = jitMillis();
        counting.set(true);
        long t0 = System.nanoTime();
        lastWaits = measureMs > 0 ? sampleWaits(measureMs) : Map.of();
        counting.set(false);
        long elapsed = System.nanoTime() - t0;
        long jvm = cpuNanos(writerThreads) - jvm0;
        long jit = jitMillis() - jit0;
        long db = 0;
        for (var e : databaseCpuTicks().entrySet()) {
            db += e.getValue() - db0.getOrDefault(e.getKey(), 0L);
        }
        stop.set(true);
        for (Future<?> fu : futures) {
            fu.get();
        }
        pool.shutdown();
        for (Connection c : baselineConnections) {
            c.close();
        }
        baselineConnections.clear();
        return new long[] {count.get(), elapsed, jvm, db * TICK_NANOS, jit};
    }

    private static long jitMillis() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** The clock tick of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
    static final long TICK_NANOS = 10_000_000L;

    /** CPU time of the writer threads: the client's own work (the JIT and the GC run in threads of their own). */
    private static long cpuNanos(List<Long> threads) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads) {
            sum += Math.max(0, mx.getThreadCpuTime(id));
        }
        return sum;
    }

    /**
     * CPU ticks (user + system) of every process of the database server that pg_stat_activity lists (client
     * backends, WAL writer, checkpointer, background writer), by pid; empty where /proc cannot be read.
     */
    private Map<Long, Long> databaseCpuTicks() {
        Map<Long, Long> ticks = new java.util.HashMap<>();
        for (Long pid : jdbc.queryForList("select pid from pg_stat_activity", Long.class)) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12])); // utime, stime (fields 14, 15)
            } catch (java.io.IOException | RuntimeException e) {
                // the process ended, or this is not Linux: leave it out
            }
        }
        return ticks;
    }

    private volatile Map<String, Integer> lastWaits = Map.of();

    /**
     * What the database sessions of the writers wait on, sampled every 50 ms while measuring: the figure that says
     * whether a run is limited by locks, by WAL flushes or by the client.
     */
    private Map<String, Integer> sampleWaits(long millis) throws InterruptedException {
        Map<String, Integer> waits = new TreeMap<>();
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
            executor.inTransaction(() -> ledger.post(PostingRequest.of(
                            PostingType.MOVE,
                            LedgerFixtures.WAREHOUSE,
                            UUID.randomUUID().toString())
                    .movement(new Movement(lot, a1, StockStatus.AVAILABLE, a2, StockStatus.AVAILABLE, 1))
                    .build()));
        };
    }

    private Connection baselineConnection() throws Exception {
        Connection c = dataSource.getConnection();
        baselineConnections.add(c);
        c.setAutoCommit(false);
        return c;
    }

    /** Two leg rows and two balance upserts into tables with a primary key only, one commit. */
    private Runnable minimalPosting(LedgerFixtures f, List<Long> lots, int writer) throws Exception {
        long a1 = f.location("A1");
        long a2 = f.location("A2");
        Connection c = baselineConnection();
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
                for (long[] l : new long[][] {{a1, -1}, {a2, 1}}) {
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

    /**
     * The application's rows into the real tables, as a careful hand-written transaction would write them: lock the
     * lot head (with the lot's cost, which every leg carries) and read the two balances and the clock under the lock
     * (two statements in one round trip, as {@code GateReads} sends its five), then one statement appending the
     * posting and its legs, updating or inserting the balances and advancing the lot head (the statement
     * {@link PostingRows#APPEND} the gate sends), one commit: three round trips, as many as the gate's. Every
     * constraint, foreign key, index and trigger of the migrations is on. Left out: the idempotency lookup, the
     * location facts, the capacity read, the role, reason, zone, status and balance checks, and the request
     * fingerprint's hash (a key-derived value fills the column).
     */
    private Runnable sameSchemaPosting(
            LedgerFixtures f, List<Long> lots, int writer, java.util.function.Consumer<List<String>> explained)
            throws Exception {
        long a1 = f.location("A1");
        long a2 = f.location("A2");
        Connection c = baselineConnection();
        // two statements sent together, as GateReads sends its five: the second reads a snapshot taken after the lock
        PreparedStatement lockAndRead = c.prepareStatement("""
                select h.lot_id, h.last_seq, h.last_recorded_at, l.unit_cost, l.currency
                  from lot_ledger_head h join lot l on l.id = h.lot_id
                 where h.lot_id = any(?) order by h.lot_id for update of h;
                select k.lot_id, k.location_id, k.status, b.quantity, clock_timestamp()
                  from unnest(?::bigint[], ?::bigint[], ?::varchar[]) as k(lot_id, location_id, status)
                  left join stock_balance b
                    on b.lot_id = k.lot_id and b.location_id = k.location_id and b.status = k.status""");
        PreparedStatement write = c.prepareStatement(
                explained == null ? PostingRows.APPEND : "explain (analyze, buffers) " + PostingRows.APPEND);
        long[] i = {0};
        return () -> {
            long lot = lots.get(writer * LOTS_PER_WRITER + (int) (i[0]++ % LOTS_PER_WRITER));
            String key = UUID.randomUUID().toString();
            try {
                lockAndRead.setObject(1, new Long[] {lot});
                lockAndRead.setObject(2, new Long[] {lot, lot});
                lockAndRead.setObject(3, new Long[] {a1, a2});
                lockAndRead.setObject(4, new String[] {"AVAILABLE", "AVAILABLE"});
                lockAndRead.execute();
                long lastSeq;
                Timestamp lastRecorded;
                BigDecimal unitCost;
                String currency;
                try (ResultSet rs = lockAndRead.getResultSet()) {
                    rs.next();
                    lastSeq = rs.getLong(2);
                    lastRecorded = rs.getTimestamp(3);
                    unitCost = rs.getBigDecimal(4);
                    currency = rs.getString(5).trim();
                }
                lockAndRead.getMoreResults();
                BigDecimal fromHave = null;
                BigDecimal toHave = null;
                Timestamp clock = null;
                try (ResultSet rs = lockAndRead.getResultSet()) {
                    while (rs.next()) {
                        if (rs.getLong(2) == a1) {
                            fromHave = rs.getBigDecimal(4);
                        } else {
                            toHave = rs.getBigDecimal(4);
                        }
                        clock = rs.getTimestamp(5);
                    }
                }
                Timestamp recorded = lastRecorded.after(clock) ? lastRecorded : clock;
                BigDecimal one = BigDecimal.ONE;
                String value = one.multiply(unitCost).toPlainString();
                String fromSeq = Long.toString(lastSeq + 1);
                String toSeq = Long.toString(lastSeq + 2);
                // bucket a1 always exists (it was stocked); a2 is inserted by a lot's first move
                List<String[]> upd = new ArrayList<>();
                List<String[]> ins = new ArrayList<>();
                upd.add(new String[] {Long.toString(lot), Long.toString(a1), "AVAILABLE", "-1", fromSeq});
                String[] to = {Long.toString(lot), Long.toString(a2), "AVAILABLE", "1", toSeq};
                (toHave == null ? ins : upd).add(to);
                String toAfter = (toHave == null ? one : toHave.add(one)).toPlainString();
                int p = 1;
                write.setString(p++, "MOVE");
                write.setString(p++, null);
                write.setString(p++, null);
                write.setString(p++, null);
                write.setString(p++, "bench");
                write.setTimestamp(p++, recorded);
                write.setTimestamp(p++, recorded);
                write.setString(p++, null);
                write.setString(p++, key);
                write.setString(p++, (key + key).replace("-", ""));
                write.setObject(p++, null, java.sql.Types.BIGINT);
                write.setString(p++, null);
                write.setTimestamp(p++, recorded);
                for (int col = 0; col < 5; col++) {
                    write.setObject(p++, column(upd, col));
                }
                write.setTimestamp(p++, recorded);
                for (int col = 0; col < 4; col++) {
                    write.setObject(p++, column(ins, col));
                }
                write.setObject(p++, ins.stream().map(r -> "false").toArray(String[]::new));
                write.setObject(p++, column(ins, 4));
                write.setTimestamp(p++, recorded);
                write.setObject(p++, new String[] {"1", "2"});
                write.setObject(p++, new String[] {Long.toString(lot), Long.toString(lot)});
                write.setObject(p++, new String[] {Long.toString(a1), Long.toString(a2)});
                write.setObject(p++, new String[] {"AVAILABLE", "AVAILABLE"});
                write.setObject(p++, new String[] {"-1", "1"});
                write.setObject(p++, new String[] {unitCost.toPlainString(), unitCost.toPlainString()});
                write.setObject(p++, new String[] {currency, currency});
                write.setObject(p++, new String[] {"-" + value, value});
                write.setObject(p++, new String[] {fromSeq, toSeq});
                write.setObject(p++, new String[] {fromHave.subtract(one).toPlainString(), toAfter});
                write.setTimestamp(p++, recorded);
                write.setObject(p++, new String[] {Long.toString(lot)});
                write.setObject(p++, new String[] {toSeq});
                // no reservation posted or voided (ADR 0011)
                write.setString(p++, "bench");
                write.setTimestamp(p++, recorded);
                for (int col = 0; col < 4; col++) {
                    write.setObject(p++, new String[0]);
                }
                if (explained != null) {
                    List<String> plan = new ArrayList<>();
                    try (ResultSet rs = write.executeQuery()) {
                        while (rs.next()) {
                            plan.add(rs.getString(1));
                        }
                    }
                    c.rollback();
                    explained.accept(plan);
                    return;
                }
                try (ResultSet rs = write.executeQuery()) {
                    rs.next();
                }
                c.commit();
            } catch (Exception e) {
                try {
                    c.rollback();
                } catch (Exception ignored) {
                    // the connection is closed at the end of the run
                }
                throw new IllegalStateException(e);
            }
        };
    }

    private static String[] column(List<String[]> rows, int col) {
        return rows.stream().map(r -> r[col]).toArray(String[]::new);
    }
}
