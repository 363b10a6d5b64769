package org.lotledger.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds every balance from the ledger and compares it with the kept balances. Runs on a schedule and on
 * demand; the last result feeds the {@code ledger} health group. A discrepancy is logged at ERROR and recorded,
 * so it alerts; it never blocks postings or takes the node out of service.
 */
@Service
public class LedgerSelfAudit {

    private static final Logger log = LoggerFactory.getLogger(LedgerSelfAudit.class);

    /** One bucket whose kept balance differs from the sum of its legs. */
    @Schema(name = "LedgerDiscrepancy")
    public record Discrepancy(long lotId, long locationId, String status, BigDecimal kept, BigDecimal fromLedger) {
    }

    public record AuditResult(long runId, String trigger, Instant startedAt, Instant finishedAt, long bucketsChecked,
                              List<Discrepancy> discrepancies) {
        public boolean clean() {
            return discrepancies.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final AtomicReference<AuditResult> last = new AtomicReference<>();

    public LedgerSelfAudit(JdbcTemplate jdbc, ObjectMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
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
        Instant finished = Instant.now();
        Long id = jdbc.queryForObject("""
                insert into ledger_audit_run (trigger, started_at, finished_at, buckets_checked, discrepancy_count, discrepancies)
                values (?, ?, ?, ?, ?, ?::jsonb) returning id""", Long.class,
                trigger, java.sql.Timestamp.from(started), java.sql.Timestamp.from(finished), buckets, found.size(),
                toJson(found));
        AuditResult result = new AuditResult(id, trigger, started, finished, buckets, List.copyOf(found));
        last.set(result);
        if (!found.isEmpty()) {
            log.error("LEDGER SELF-AUDIT: {} balance bucket(s) disagree with the ledger (run {}), first: {}",
                    found.size(), id, found.get(0));
            StringBuilder summary = new StringBuilder();
            found.stream().limit(20).forEach(d -> summary.append("- lot ").append(d.lotId()).append(", location ")
                    .append(d.locationId()).append(", ").append(d.status()).append(": kept ")
                    .append(d.kept().stripTrailingZeros().toPlainString()).append(", ledger ")
                    .append(d.fromLedger().stripTrailingZeros().toPlainString()).append('\n'));
            events.publishEvent(new LedgerDiscrepancyFound(id, found.size(), summary.toString()));
        } else {
            log.info("Ledger self-audit run {}: {} buckets agree with the ledger", id, buckets);
        }
        return result;
    }

    @Scheduled(cron = "${lotledger.ledger.audit-cron}")
    public void scheduled() {
        run("SCHEDULED");
    }

    /** The last completed run in this node, if any. */
    public AuditResult lastResult() {
        return last.get();
    }

    private String toJson(List<Discrepancy> found) {
        try {
            return json.writeValueAsString(found);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
