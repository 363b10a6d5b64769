package org.lotledger.platform.camunda;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotledger.common.DomainException;
import org.lotledger.evidence.DecisionRecords;
import org.springframework.stereotype.Component;

/**
 * Task listener for {@code complete} ({@code camunda:taskListener event="complete"
 * delegateExpression="${recordDecisionListener}"}): records who completed the task and the decision variables as
 * evidence. The user is the authenticated caller of Tasklist or /engine-rest, not a form field. Fields: the task's
 * local or process variables {@code decision}, {@code decisionReason}, {@code subjectType}, {@code subjectId}.
 */
@Component("recordDecisionListener")
public class RecordDecisionListener implements TaskListener {

    private final DecisionRecords decisions;
    private final SignedInUser signedIn;

    public RecordDecisionListener(DecisionRecords decisions, SignedInUser signedIn) {
        this.decisions = decisions;
        this.signedIn = signedIn;
    }

    @Override
    public void notify(DelegateTask task) {
        String userId = signedIn.of(task, "user");
        Object decision = task.getVariable("decision");
        if (decision == null || decision.toString().isBlank()) {
            throw DomainException.unprocessable(
                    "DECISION_REQUIRED", "Choose a decision before completing '" + task.getName() + "'.", Map.of());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        Object reason = task.getVariable("decisionReason");
        if (reason != null) {
            details.put("reason", reason.toString());
        }
        details.put("taskName", task.getName());
        Object subjectType = task.getVariable("subjectType");
        Object subjectId = task.getVariable("subjectId");
        decisions.record(
                task.getProcessInstanceId(),
                task.getTaskDefinitionKey(),
                task.getId(),
                subjectType == null ? "PROCESS" : subjectType.toString(),
                subjectId == null ? task.getProcessInstanceId() : subjectId.toString(),
                decision.toString(),
                details,
                userId);
    }
}
