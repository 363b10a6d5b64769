package org.lotledger.ledger;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health group {@code ledger} (see application.yml): reports the last self-audit. A discrepancy shows as status
 * DISCREPANCY, which the group maps to HTTP 503 for monitoring while the node's own health stays UP, because a
 * wrong balance needs a person, not a restart. Reads the newest run in the cluster (whichever node ran it); runs the
 * audit once if none has run yet.
 */
@Component("ledgerAudit")
public class LedgerAuditHealthIndicator extends AbstractHealthIndicator {

    public static final Status DISCREPANCY = new Status("DISCREPANCY", "Kept balances disagree with the ledger");

    private final LedgerSelfAudit audit;

    public LedgerAuditHealthIndicator(LedgerSelfAudit audit) {
        this.audit = audit;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        LedgerSelfAudit.AuditResult last = audit.lastResult();
        if (last == null) {
            last = audit.run("HEALTH");
        }
        builder.status(last.clean() ? Status.UP : DISCREPANCY)
                .withDetail("lastRunId", last.runId())
                .withDetail("lastRunAt", last.finishedAt().toString())
                .withDetail("bucketsChecked", last.bucketsChecked())
                .withDetail("discrepancies", last.discrepancies().size())
                .withDetail("holdDiscrepancies", last.holdDiscrepancies().size())
                .withDetail("reservationLeaks", last.reservationLeaks().size());
    }
}
