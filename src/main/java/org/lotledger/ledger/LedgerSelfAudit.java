package org.lotledger.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds every balance from the ledger and compares it with the kept balances, and compares the HOLD balances with
 * what the quality holds say they hold ({@link HeldStock}). Runs on a schedule and on demand; the last result feeds
 * the {@code ledger} health group. A discrepancy of either kind is logged at ERROR and recorded, so it alerts; it
 * never blocks postings or takes the node out of service. It also lists AVAILABLE stock sitting in zones that do
 * not take AVAILABLE stock (a dock, quarantine, returns), with how long it has been there: not a discrepancy (a
 * status change in place is allowed anywhere), but stock waiting for the putaway that should follow.
 */
@Service
public class LedgerSelfAudit {

    private static final Logger log = LoggerFactory.getLogger(LedgerSelfAudit.class);

    /** One bucket whose kept balance differs from the sum of its legs. */
    public record Discrepancy(long lotId, long locationId, String status, BigDecimal kept, BigDecimal fromLedger) {
    }

    /**
     * HOLD stock at a lot and location that the holds' book does not account for (or accounts for wrongly): what the
     * ledger holds there in HOLD, what the holds say they hold there, and which holds those are.
     */
    public record HoldDiscrepancy(long lotId, long locationId, BigDecimal heldInLedger, long heldByHolds,
                                  List<Long> holdIds, String finding) {
    }

    /** AVAILABLE stock in a zone whose statuses leave AVAILABLE out, and since when it has been there. */
    public record MisplacedStock(long lotId, long locationId, String locationCode, String zoneCode, String zoneType,
                                 BigDecimal quantity, Instant since, Duration age) {
    }

    public record AuditResult(long runId, String trigger, Instant startedAt, Instant finishedAt, long bucketsChecked,
                              List<Discrepancy> discrepancies, List<HoldDiscrepancy> holdDiscrepancies,
                              List<MisplacedStock> availableStockInZonesThatRefuseIt) {
        /** Kept balances agree with the ledger, and HOLD stock with the holds (misplaced stock is not a discrepancy). */
        public boolean clean() {
            return discrepancies.isEmpty() && holdDiscrepancies.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<HeldStock> heldStock;
    private final AtomicReference<AuditResult> last = new AtomicReference<>();

    public LedgerSelfAudit(JdbcTemplate jdbc, ObjectMapper json, ApplicationEventPublisher events,
                           ObjectProvider<HeldStock> heldStock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.heldStock = heldStock;
    }

    /**
     * Compares in one REPEATABLE READ snapshot, so postings committing meanwhile cannot produce a false alarm:
     * both sides are read from the same snapshot.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public AuditResult run(String trigger) {
        Instant started = Instant.now();
        List<Discrepancy> found = jdbc.query("""
                with replay as (
                    select lot_id, location_id, status, sum(quantity) as quantity
                      from posting_leg group by lot_id, location_id, status)
                select coalesce(b.lot_id, r.lot_id) as lot_id, coalesce(b.location_id, r.location_id) as location_id,
                       coalesce(b.status, r.status) as status,
                       coalesce(b.quantity, 0) as kept, coalesce(r.quantity, 0) as from_ledger
                  from stock_balance b
                  full outer join replay r
                    on r.lot_id = b.lot_id and r.location_id = b.location_id and r.status = b.status
                 where coalesce(b.quantity, 0) <> coalesce(r.quantity, 0)
                 order by 1, 2, 3
                 limit 1000
                """, (rs, i) -> new Discrepancy(rs.getLong("lot_id"), rs.getLong("location_id"), rs.getString("status"),
                rs.getBigDecimal("kept"), rs.getBigDecimal("from_ledger")));
        Long buckets = jdbc.queryForObject("select count(*) from stock_balance", Long.class);
        List<HoldDiscrepancy> holds = holdBook();
        List<MisplacedStock> misplaced = availableStockInZonesThatRefuseIt();
        Instant finished = Instant.now();
        Long id = jdbc.queryForObject("""
                insert into ledger_audit_run (trigger, started_at, finished_at, buckets_checked, discrepancy_count,
                                              discrepancies, hold_discrepancies, misplaced_stock)
                values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb) returning id""", Long.class,
                trigger, java.sql.Timestamp.from(started), java.sql.Timestamp.from(finished), buckets,
                found.size() + holds.size(), toJson(found), toJson(holds), toJson(misplaced));
        AuditResult result = new AuditResult(id, trigger, started, finished, buckets, List.copyOf(found),
                List.copyOf(holds), List.copyOf(misplaced));
        last.set(result);
        if (!misplaced.isEmpty()) {
            log.warn("Ledger self-audit run {}: {} AVAILABLE balance(s) sit in zones that do not take AVAILABLE stock, "
                    + "oldest: {}", id, misplaced.size(), misplaced.get(0));
        }
        if (!result.clean()) {
            log.error("LEDGER SELF-AUDIT: {} balance bucket(s) disagree with the ledger, {} HOLD balance(s) with the "
                    + "quality holds (run {}), first: {}", found.size(), holds.size(), id,
                    found.isEmpty() ? holds.get(0) : found.get(0));
            StringBuilder summary = new StringBuilder();
            found.stream().limit(20).forEach(d -> summary.append("- lot ").append(d.lotId()).append(", location ")
                    .append(d.locationId()).append(", ").append(d.status()).append(": kept ")
                    .append(d.kept().stripTrailingZeros().toPlainString()).append(", ledger ")
                    .append(d.fromLedger().stripTrailingZeros().toPlainString()).append('\n'));
            holds.stream().limit(20).forEach(d -> summary.append("- lot ").append(d.lotId()).append(", location ")
                    .append(d.locationId()).append(", HOLD: ledger ")
                    .append(d.heldInLedger().stripTrailingZeros().toPlainString()).append(", quality holds ")
                    .append(d.heldByHolds()).append(" (holds ").append(d.holdIds()).append("): ").append(d.finding())
                    .append('\n'));
            events.publishEvent(new LedgerDiscrepancyFound(id, found.size() + holds.size(), summary.toString()));
        } else {
            log.info("Ledger self-audit run {}: {} buckets agree with the ledger, HOLD stock with the quality holds",
                    id, buckets);
        }
        return result;
    }

    /**
     * HOLD balances at physical and in-transit locations against the holds' book, per lot and location; and holds
     * that ended while their book still shows stock. Without a quality feature every HOLD balance is a finding.
     */
    private List<HoldDiscrepancy> holdBook() {
        Map<HeldStock.LotAt, BigDecimal> ledger = new LinkedHashMap<>();
        jdbc.query("""
                select b.lot_id, b.location_id, b.quantity from stock_balance b join location l on l.id = b.location_id
                 where b.status = 'HOLD' and b.quantity <> 0 and l.kind in ('PHYSICAL', 'IN_TRANSIT')
                 order by 1, 2""", rs -> {
            ledger.put(new HeldStock.LotAt(rs.getLong(1), rs.getLong(2)), rs.getBigDecimal(3));
        });
        HeldStock book = heldStock.getIfAvailable();
        Map<HeldStock.LotAt, HeldStock.Attributed> held = book == null ? Map.of() : book.attributed();
        java.util.Set<HeldStock.LotAt> all = new java.util.TreeSet<>(java.util.Comparator
                .comparingLong(HeldStock.LotAt::lotId).thenComparingLong(HeldStock.LotAt::locationId));
        all.addAll(ledger.keySet());
        all.addAll(held.keySet());
        List<HoldDiscrepancy> out = new ArrayList<>();
        for (HeldStock.LotAt at : all) {
            BigDecimal inLedger = ledger.getOrDefault(at, BigDecimal.ZERO);
            HeldStock.Attributed byHolds = held.getOrDefault(at, new HeldStock.Attributed(0, List.of()));
            if (inLedger.compareTo(BigDecimal.valueOf(byHolds.quantity())) != 0) {
                out.add(new HoldDiscrepancy(at.lotId(), at.locationId(), inLedger, byHolds.quantity(), byHolds.holdIds(),
                        byHolds.holdIds().isEmpty() ? "HOLD stock under no quality hold"
                                : "the quality holds' book differs from the HOLD balance"));
            }
        }
        if (book != null) {
            for (HeldStock.EndedHold e : book.endedHoldsStillHolding()) {
                out.add(new HoldDiscrepancy(e.at().lotId(), e.at().locationId(),
                        ledger.getOrDefault(e.at(), BigDecimal.ZERO), e.quantity(), List.of(e.holdId()),
                        "hold " + e.holdId() + " is " + e.state() + " but its book still shows " + e.quantity()));
            }
        }
        return out.size() > 1000 ? out.subList(0, 1000) : out;
    }

    /**
     * AVAILABLE stock at physical locations whose zone does not take AVAILABLE stock (zones constrain arrivals, not
     * status changes in place: an inspection accepted at the dock leaves AVAILABLE stock there until it is put away),
     * oldest first, with the instant its balance there last became positive.
     */
    private List<MisplacedStock> availableStockInZonesThatRefuseIt() {
        return jdbc.query("""
                select b.lot_id, b.location_id, l.code, z.code, z.zone_type, b.quantity,
                       (select max(g.recorded_at) from posting_leg g
                         where g.lot_id = b.lot_id and g.location_id = b.location_id and g.status = 'AVAILABLE'
                           and g.balance_after > 0 and g.balance_after - g.quantity <= 0) as since,
                       clock_timestamp()
                  from stock_balance b join location l on l.id = b.location_id join zone z on z.id = l.zone_id
                 where b.status = 'AVAILABLE' and b.quantity > 0 and l.kind = 'PHYSICAL'
                   and not ('AVAILABLE' = any(z.allowed_statuses))
                 order by since nulls first, b.lot_id, b.location_id
                 limit 1000""", (rs, i) -> {
            Instant since = rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant();
            Instant now = rs.getTimestamp(8).toInstant();
            return new MisplacedStock(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getBigDecimal(6), since, since == null ? null : Duration.between(since, now));
        });
    }

    @Scheduled(cron = "${lotledger.ledger.audit-cron}")
    public void scheduled() {
        run("SCHEDULED");
    }

    /** The last completed run in this node, if any. */
    public AuditResult lastResult() {
        return last.get();
    }

    private String toJson(List<?> found) {
        try {
            return json.writeValueAsString(found);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
