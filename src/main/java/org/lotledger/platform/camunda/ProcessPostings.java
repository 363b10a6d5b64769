package org.lotledger.platform.camunda;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.evidence.DecisionRecords;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The seam between a process and the ledger. A delegate that posts runs inside the engine's transaction (one
 * DataSource, one transaction manager, see {@code docs/architecture.md}); the posting's idempotency key is derived
 * from the process instance and the activity, so a job retry finds the posting of an earlier, committed attempt
 * instead of posting twice; and the actor is the user who completed the deciding task, read from the decision
 * records — never from a process variable a user could set.
 */
@Component
@NamedInterface("camunda")
public class ProcessPostings {

    private final DecisionRecords decisions;
    private final IdentityService identity;

    public ProcessPostings(DecisionRecords decisions, IdentityService identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    /**
     * @param discriminator tells apart several postings of one activity (e.g. one per lot); may be null
     */
    public static String idempotencyKey(String processInstanceId, String activityId, String discriminator) {
        return "process:" + processInstanceId + ":" + activityId + (discriminator == null ? "" : ":" + discriminator);
    }

    public String idempotencyKey(DelegateExecution execution, String discriminator) {
        return idempotencyKey(execution.getProcessInstanceId(), execution.getCurrentActivityId(), discriminator);
    }

    /** The user who completed the deciding task of this instance, with that user's groups. */
    public Actor actorOf(String processInstanceId, String decidingTaskId) {
        String userId = decisions
                .latest(processInstanceId, decidingTaskId)
                .orElseThrow(() -> DomainException.unprocessable(
                        "NO_DECISION_RECORDED",
                        "Task " + decidingTaskId + " of process " + processInstanceId + " has no recorded decision.",
                        Map.of()))
                .decidedBy();
        Set<String> groups = new HashSet<>();
        for (Group g : identity.createGroupQuery().groupMember(userId).list()) {
            groups.add(g.getId());
        }
        return new Actor(userId, groups);
    }
}
