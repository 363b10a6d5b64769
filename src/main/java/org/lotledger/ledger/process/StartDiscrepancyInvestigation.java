package org.lotledger.ledger.process;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.lotledger.ledger.LedgerDiscrepancyFound;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns a self-audit alarm into work for people: one open "Investigate ledger discrepancy" task for inventory
 * control in Tasklist. While one investigation is open, later runs that still find discrepancies add none.
 */
@Component
public class StartDiscrepancyInvestigation {

    public static final String PROCESS_KEY = "LedgerDiscrepancyInvestigation";

    private final RuntimeService runtime;

    public StartDiscrepancyInvestigation(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    public void on(LedgerDiscrepancyFound found) {
        if (runtime.createProcessInstanceQuery()
                        .processDefinitionKey(PROCESS_KEY)
                        .active()
                        .count()
                > 0) {
            return;
        }
        runtime.startProcessInstanceByKey(
                PROCESS_KEY,
                "audit-run-" + found.auditRunId(),
                Map.of(
                        "auditRunId", found.auditRunId(),
                        "discrepancyCount", found.discrepancyCount(),
                        "discrepancySummary", found.summary(),
                        "subjectType", "LEDGER_AUDIT_RUN",
                        "subjectId", Long.toString(found.auditRunId())));
    }
}
