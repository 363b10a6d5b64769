package org.lotledger.receiving.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotledger.evidence.DecisionRecords;
import org.lotledger.platform.camunda.SignedInUser;
import org.lotledger.receiving.DiscrepancyResolution;
import org.springframework.stereotype.Component;

/**
 * On completing "Resolve receipt discrepancy" (bpmn/receiving-receipt.bpmn): checks the supervisor's answer
 * ({@link DiscrepancyResolution}) and refuses a bad one, so the task stays open with a message Tasklist shows; a good
 * one is recorded in decision_record (subject RECEIPT) with the signed-in user, never a form field, as who decided.
 */
@Component("resolveReceiptDiscrepancyListener")
public class ResolveReceiptDiscrepancyListener implements TaskListener {

    private final DecisionRecords decisions;
    private final SignedInUser signedIn;

    public ResolveReceiptDiscrepancyListener(DecisionRecords decisions, SignedInUser signedIn) {
        this.decisions = decisions;
        this.signedIn = signedIn;
    }

    @Override
    public void notify(DelegateTask task) {
        String userId = signedIn.of(task, "receiving supervisor");
        Object missing = task.getVariable("missingCount");
        DiscrepancyResolution resolution = DiscrepancyResolution.check(
                task.getVariable("decision"),
                task.getVariable("decisionReason"),
                missing == null ? 0 : ((Number) missing).longValue());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskName", task.getName());
        details.put("reason", resolution.note());
        details.put("discrepancyCount", task.getVariable("discrepancyCount"));
        details.put("discrepancyTypes", task.getVariable("discrepancyTypes"));
        decisions.record(
                task.getProcessInstanceId(),
                task.getTaskDefinitionKey(),
                task.getId(),
                "RECEIPT",
                String.valueOf(task.getVariable("receiptId")),
                resolution.outcome().name(),
                details,
                userId);
    }
}
