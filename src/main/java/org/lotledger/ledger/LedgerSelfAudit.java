package org.lotledger.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every balance from the ledger and compares it with the kept balances, and compares the HOLD balances with
 * what the quality holds say they hold ({@link HeldStock}). Runs on a schedule and on demand; the last result feeds
 * the {@code ledger} health group. It also reports reservation leaks ({@link ReservationLeak}): pending reservations
 * above AVAILABLE at a lot and location, and pending reservations of demand lines that the feature owning them says
 * no longer take stock ({@link OpenDemands}: cancelled, shipped, closed). A discrepancy of any of these kinds is
 * logged at ERROR and recorded, so it alerts; it never blocks postings or takes the node out of service. It also lists AVAILABLE stock sitting in zones that do
 * not take AVAILABLE stock (a dock, quarantine, returns), with how long it has been there: not a discrepancy (a
 * status change in place is allowed anywhere), but stock waiting for the putaway that should follow.
 *
 * <p>One rebuild at a time in the whole cluster (every node shares the database): whoever rebuilds holds a
 * transaction-scoped PostgreSQL advisory lock. A caller who finds it held does not rebuild a second time: it waits
 * for the running audit and answers with that audit's result (same {@code runId} and {@code startedAt}), polling
 * the lock without holding a connection, so a queue of callers cannot drain the connection pool. Should the running
 * audit fail and record nothing, a waiting caller rebuilds itself. The scheduled audit skips its turn when another
 * node is auditing or has already run the scheduled audit of this tick.
 *
 * <p>About 300 lines: the run (snapshot, comparison, storing, alerting, one-at-a-time) stays together; what it looks
 * for is in {@link LedgerAuditFindings}.
 */
@Service
public class LedgerSelfAudit {

    private static final Logger log = LoggerFactory.getLogger(LedgerSelfAudit.class);

    /** The advisory lock key: the same expression everywhere, so every node takes the same lock. */
    private static final String LOCK_KEY = "hashtext('lotledger.ledger_self_audit')";

    private static final Duration POLL = Duration.ofMillis(50);
    private static final int MAX_ATTEMPTS = 5;

    /** One bucket whose kept balance differs from the sum of its legs. */
    @Schema(name = "LedgerDiscrepancy")
    public record Discrepancy(long lotId, long locationId, String status, BigDecimal kept, BigDecimal fromLedger) {}

    /**
     * HOLD stock at a lot and location that the holds' book does not account for (or accounts for wrongly): what the
     * ledger holds there in HOLD, what the holds say they hold there, and which holds those are.
     */
    public record HoldDiscrepancy(
            long lotId,
            long locationId,
            BigDecimal heldInLedger,
            long heldByHolds,
            List<Long> holdIds,
            String finding) {}

    /** AVAILABLE stock in a zone whose statuses leave AVAILABLE out, and since when it has been there. */
    public record MisplacedStock(
            long lotId,
            long locationId,
            String locationCode,
            String zoneCode,
            String zoneType,
            BigDecimal quantity,
            Instant since,
            Duration age) {}

    /**
     * A reservation leak, of one of two kinds ({@code finding}):
     * <ul>
     *   <li>{@value #ABOVE_AVAILABLE}: pending reservations above the AVAILABLE balance at a lot and location (ADR
     *       0011), a leak the gate and the database's triggers should have made impossible, so something wrote around
     *       both ({@code demand} and {@code demandState} are null);
     *   <li>{@value #DEMAND_NOT_OPEN}: pending reservations of one demand line at a lot and location although the
     *       feature owning the demand says the line no longer takes stock ({@link OpenDemands}; {@code demandState} says
     *       what it is now: CANCELLED, SHIPPED, CLOSED), so the stock is reserved for nobody.
     * </ul>
     * Runs recorded before the second kind existed read as {@value #ABOVE_AVAILABLE}.
     *
     * @param available the AVAILABLE balance there
     * @param reserved  what those reservations hold there
     */
    public record ReservationLeak(
            long lotId,
            long locationId,
            BigDecimal available,
            long reserved,
            List<Long> reservationIds,
            String finding,
            Reservation.Demand demand,
            String demandState) {

        public static final String ABOVE_AVAILABLE = "ABOVE_AVAILABLE";
        public static final String DEMAND_NOT_OPEN = "DEMAND_NOT_OPEN";

        public ReservationLeak {
            finding = finding == null ? ABOVE_AVAILABLE : finding;
            reservationIds = List.copyOf(reservationIds);
        }

        /** Pending reservations above AVAILABLE at a lot and location. */
        public static ReservationLeak aboveAvailable(
                long lotId, long locationId, BigDecimal available, long reserved, List<Long> reservationIds) {
            return new ReservationLeak(lotId, locationId, available, reserved, reservationIds, null, null, null);
        }
    }

    public record AuditResult(
            long runId,
            String trigger,
            Instant startedAt,
            Instant finishedAt,
            long bucketsChecked,
            List<Discrepancy> discrepancies,
            List<HoldDiscrepancy> holdDiscrepancies,
            List<MisplacedStock> availableStockInZonesThatRefuseIt,
            List<ReservationLeak> reservationLeaks) {
        /**
         * Kept balances agree with the ledger, HOLD stock with the holds, and nothing is reserved above AVAILABLE
         * (misplaced stock is not a discrepancy).
         */
        public boolean clean() {
            return discrepancies.isEmpty() && holdDiscrepancies.isEmpty() && reservationLeaks.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final LedgerAuditFindings findings;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate readCommitted;
    private final Duration scheduledGap;
    private final AtomicLong rebuilds = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();

    public LedgerSelfAudit(
            JdbcTemplate jdbc,
            ObjectMapper json,
            ApplicationEventPublisher events,
            ObjectProvider<HeldStock> heldStock,
            ObjectProvider<OpenDemands> openDemands,
            PlatformTransactionManager transactions,
            @Value("${lotledger.ledger.audit-cron}") String cron) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.findings = new LedgerAuditFindings(jdbc, heldStock, openDemands);
        // both sides of the comparison from one snapshot: postings committing meanwhile cannot raise a false alarm
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readCommitted = new TransactionTemplate(transactions);
        readCommitted.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.scheduledGap = halfPeriod(cron);
    }

    /**
     * Rebuilds and compares now, or, when an audit is already running anywhere in the cluster, waits for it and
     * answers with its result.
     */
    public AuditResult run(String trigger) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Attempt a = snapshot.execute(s -> {
                Attempt tried = tryLock();
                return tried.locked() ? new Attempt(true, tried.lastRunId(), rebuild(trigger)) : tried;
            });
            if (a.result() != null) {
                return a.result();
            }
            Optional<AuditResult> running = awaitRunAfter(a.lastRunId());
            if (running.isPresent()) {
                log.info(
                        "Ledger self-audit requested ({}) while run {} was in progress: answered with that run",
                        trigger,
                        running.get().runId());
                return running.get();
            }
            // the audit we waited for failed and recorded nothing: try to rebuild ourselves
        }
        throw new IllegalStateException(
                "Ledger self-audit: " + MAX_ATTEMPTS + " audits in a row ended without a result");
    }

    @Scheduled(cron = "${lotledger.ledger.audit-cron}")
    public void scheduled() {
        snapshot.execute(s -> {
            if (!tryLock().locked()) {
                log.info("Scheduled ledger self-audit skipped: another audit is running");
                return null;
            }
            // read committed, on a connection of its own: a scheduled run that committed just before we took the
            // lock may be newer than this transaction's snapshot
            Boolean done = readCommitted.execute(
                    r -> jdbc.queryForObject("""
                    select exists (select 1 from ledger_audit_run
                                    where trigger = 'SCHEDULED' and started_at >= clock_timestamp() - ?::interval)""", Boolean.class, scheduledGap.toMillis() + " milliseconds"));
            if (Boolean.TRUE.equals(done)) {
                log.info("Scheduled ledger self-audit skipped: another node ran it for this tick");
                return null;
            }
            return rebuild("SCHEDULED");
        });
    }

    /** The newest completed run in the cluster, if any. */
    public AuditResult lastResult() {
        return jdbc.query("""
                select id, trigger, started_at, finished_at, buckets_checked, discrepancies::text as discrepancies,
                       hold_discrepancies::text as hold_discrepancies, misplaced_stock::text as misplaced_stock,
                       reservation_leaks::text as reservation_leaks
                  from ledger_audit_run order by id desc limit 1""", this::toResult).stream().findFirst().orElse(null);
    }

    /** Rebuilds this node has run since it started (the others joined a running audit or skipped). */
    public long rebuildsStarted() {
        return rebuilds.get();
    }

    /** Callers on this node now waiting for an audit that another caller (or node) runs. */
    public int callersWaiting() {
        return waiting.get();
    }

    private record Attempt(boolean locked, long lastRunId, AuditResult result) {}

    /** The first statement of the snapshot transaction: takes the lock if free, and notes the newest run so far. */
    private Attempt tryLock() {
        return jdbc.queryForObject(
                "select pg_try_advisory_xact_lock(" + LOCK_KEY + ") as locked, "
                        + "(select coalesce(max(id), 0) from ledger_audit_run) as last_run_id",
                (rs, i) -> new Attempt(rs.getBoolean("locked"), rs.getLong("last_run_id"), null));
    }

    /**
     * Polls until no audit holds the lock, then reads the run that committed after {@code lastRunId}: the running
     * audit's row commits before its lock is released. Empty when that audit failed.
     */
    private Optional<AuditResult> awaitRunAfter(long lastRunId) {
        waiting.incrementAndGet();
        try {
            while (true) {
                Optional<Optional<AuditResult>> seen = readCommitted.execute(s -> {
                    Boolean free = jdbc.queryForObject(
                            "select pg_try_advisory_xact_lock_shared(" + LOCK_KEY + ")", Boolean.class);
                    if (!Boolean.TRUE.equals(free)) {
                        return Optional.<Optional<AuditResult>>empty();
                    }
                    return Optional.of(
                            jdbc.query("""
                            select id, trigger, started_at, finished_at, buckets_checked, discrepancies::text as discrepancies,
                                   hold_discrepancies::text as hold_discrepancies, misplaced_stock::text as misplaced_stock,
                                   reservation_leaks::text as reservation_leaks
                              from ledger_audit_run where id > ? order by id limit 1""", this::toResult, lastRunId).stream().findFirst());
                });
                if (seen.isPresent()) {
                    return seen.get();
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the running ledger self-audit", e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Runs inside the snapshot transaction that holds the lock. Times are the database's, one clock for all nodes. */
    private AuditResult rebuild(String trigger) {
        rebuilds.incrementAndGet();
        Timestamp started = jdbc.queryForObject("select clock_timestamp()", Timestamp.class);
        List<Discrepancy> found = findings.balancesThatDisagreeWithTheLedger();
        long buckets = findings.buckets();
        List<HoldDiscrepancy> holds = findings.holdBook();
        List<MisplacedStock> misplaced = findings.availableStockInZonesThatRefuseIt();
        List<ReservationLeak> leaks = new ArrayList<>(findings.reservationsAboveAvailable());
        leaks.addAll(findings.reservationsOfDemandsNoLongerOpen());
        AuditResult result = jdbc.queryForObject(
                """
                insert into ledger_audit_run (trigger, started_at, finished_at, buckets_checked, discrepancy_count,
                                              discrepancies, hold_discrepancies, misplaced_stock, reservation_leaks)
                values (?, ?, clock_timestamp(), ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb)
                returning id, finished_at""",
                (rs, i) -> new AuditResult(
                        rs.getLong("id"),
                        trigger,
                        started.toInstant(),
                        rs.getTimestamp("finished_at").toInstant(),
                        buckets,
                        List.copyOf(found),
                        List.copyOf(holds),
                        List.copyOf(misplaced),
                        List.copyOf(leaks)),
                trigger,
                started,
                buckets,
                found.size() + holds.size() + leaks.size(),
                toJson(found),
                toJson(holds),
                toJson(misplaced),
                toJson(leaks));
        long id = result.runId();
        if (!misplaced.isEmpty()) {
            log.warn(
                    "Ledger self-audit run {}: {} AVAILABLE balance(s) sit in zones that do not take AVAILABLE stock, "
                            + "oldest: {}",
                    id,
                    misplaced.size(),
                    misplaced.get(0));
        }
        if (!result.clean()) {
            log.error(
                    "LEDGER SELF-AUDIT: {} balance bucket(s) disagree with the ledger, {} HOLD balance(s) with the "
                            + "quality holds, {} reservation leak(s) (above AVAILABLE, or for demand lines no longer "
                            + "open) (run {}), first: {}",
                    found.size(),
                    holds.size(),
                    leaks.size(),
                    id,
                    !found.isEmpty() ? found.get(0) : !holds.isEmpty() ? holds.get(0) : leaks.get(0));
            StringBuilder summary = new StringBuilder();
            found.stream()
                    .limit(20)
                    .forEach(d -> summary.append("- lot ")
                            .append(d.lotId())
                            .append(", location ")
                            .append(d.locationId())
                            .append(", ")
                            .append(d.status())
                            .append(": kept ")
                            .append(d.kept().stripTrailingZeros().toPlainString())
                            .append(", ledger ")
                            .append(d.fromLedger().stripTrailingZeros().toPlainString())
                            .append('\n'));
            holds.stream()
                    .limit(20)
                    .forEach(d -> summary.append("- lot ")
                            .append(d.lotId())
                            .append(", location ")
                            .append(d.locationId())
                            .append(", HOLD: ledger ")
                            .append(d.heldInLedger().stripTrailingZeros().toPlainString())
                            .append(", quality holds ")
                            .append(d.heldByHolds())
                            .append(" (holds ")
                            .append(d.holdIds())
                            .append("): ")
                            .append(d.finding())
                            .append('\n'));
            leaks.stream().limit(20).forEach(d -> summary.append(describe(d)).append('\n'));
            events.publishEvent(
                    new LedgerDiscrepancyFound(id, found.size() + holds.size() + leaks.size(), summary.toString()));
        } else {
            log.info(
                    "Ledger self-audit run {}: {} buckets agree with the ledger, HOLD stock with the quality holds, "
                            + "reservations with AVAILABLE stock and open demand lines",
                    id,
                    buckets);
        }
        return result;
    }

    /** One line of the alert's summary for a reservation leak. */
    static String describe(ReservationLeak d) {
        String where = "- lot " + d.lotId() + ", location " + d.locationId() + ", AVAILABLE "
                + d.available().stripTrailingZeros().toPlainString() + ": ";
        if (ReservationLeak.DEMAND_NOT_OPEN.equals(d.finding())) {
            return where + d.reserved() + " still reserved for " + d.demand().type() + " "
                    + d.demand().reference()
                    + " line " + d.demand().line() + ", which is " + d.demandState() + " (reservations "
                    + d.reservationIds() + ")";
        }
        return where + d.reserved() + " reserved, above AVAILABLE (reservations " + d.reservationIds() + ")";
    }

    private AuditResult toResult(ResultSet rs, int row) throws SQLException {
        try {
            List<Discrepancy> discrepancies = json.readValue(rs.getString("discrepancies"), new TypeReference<>() {});
            List<HoldDiscrepancy> holds = rs.getString("hold_discrepancies") == null
                    ? List.of()
                    : json.readValue(rs.getString("hold_discrepancies"), new TypeReference<List<HoldDiscrepancy>>() {});
            List<MisplacedStock> misplaced = rs.getString("misplaced_stock") == null
                    ? List.of()
                    : json.readValue(rs.getString("misplaced_stock"), new TypeReference<List<MisplacedStock>>() {});
            List<ReservationLeak> leaks = rs.getString("reservation_leaks") == null
                    ? List.of()
                    : json.readValue(rs.getString("reservation_leaks"), new TypeReference<List<ReservationLeak>>() {});
            return new AuditResult(
                    rs.getLong("id"),
                    rs.getString("trigger"),
                    rs.getTimestamp("started_at").toInstant(),
                    rs.getTimestamp("finished_at").toInstant(),
                    rs.getLong("buckets_checked"),
                    List.copyOf(discrepancies),
                    List.copyOf(holds),
                    List.copyOf(misplaced),
                    List.copyOf(leaks));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ledger_audit_run " + rs.getLong("id") + ": unreadable discrepancies", e);
        }
    }

    private String toJson(List<?> found) {
        try {
            return json.writeValueAsString(found);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How recent a scheduled run must be for another node's firing of the same tick to skip: half the distance
     * between two ticks, so clocks may differ by that much. One minute when the schedule is off ({@code -}).
     */
    static Duration halfPeriod(String cron) {
        if (cron == null || cron.isBlank() || "-".equals(cron.trim())) {
            return Duration.ofMinutes(1);
        }
        CronExpression expression = CronExpression.parse(cron);
        LocalDateTime first = expression.next(LocalDateTime.now());
        LocalDateTime second = first == null ? null : expression.next(first);
        if (second == null) {
            return Duration.ofMinutes(1);
        }
        return Duration.between(first, second).dividedBy(2);
    }
}
