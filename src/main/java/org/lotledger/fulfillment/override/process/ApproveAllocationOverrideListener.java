package org.lotledger.fulfillment.override.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.override.AllocationOverrides;
import org.lotledger.platform.camunda.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * "Approve allocation override", on complete: the signed-in user (never a form field) answers, and
 * {@link AllocationOverrides#decide} checks the four-eyes rule against the decision records and the group the table
 * answered, and records the answer. Whoever completes the task, through Tasklist, the API or /engine-rest, passes
 * here; a refusal leaves the task open and nothing changed.
 */
@Component("approveAllocationOverrideListener")
public class ApproveAllocationOverrideListener implements TaskListener {

    private final AllocationOverrides overrides;
    private final AllocationOverrideProcess process;
    private final SignedInUser signedIn;

    public ApproveAllocationOverrideListener(
            AllocationOverrides overrides, AllocationOverrideProcess process, SignedInUser signedIn) {
        this.overrides = overrides;
        this.process = process;
        this.signedIn = signedIn;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = AllocationOverrideProcess.id(task.getVariable("overrideId"));
        var approver = process.actor(signedIn.of(task, "approver"));
        Object answer = task.getVariable("overrideDecision");
        if (!"APPROVE".equals(answer) && !"REJECT".equals(answer)) {
            throw DomainException.unprocessable(
                    "OVERRIDE_DECISION_REQUIRED", "Approve the override or reject it.", Map.of("overrideId", id));
        }
        Object comment = task.getVariable("overrideComment");
        overrides.decide(
                id,
                "APPROVE".equals(answer),
                comment == null ? null : comment.toString(),
                approver,
                task.getProcessInstanceId(),
                task.getTaskDefinitionKey(),
                task.getId());
    }
}
