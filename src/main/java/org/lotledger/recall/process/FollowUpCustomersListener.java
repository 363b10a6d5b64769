package org.lotledger.recall.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.evidence.DecisionRecords;
import org.lotledger.platform.camunda.SignedInUser;
import org.lotledger.platform.security.Groups;
import org.lotledger.recall.RecallFollowUps;
import org.lotledger.recall.RecallReconciliation;
import org.springframework.stereotype.Component;

/**
 * "Follow up unacknowledged customers". On create: the customers still unanswered, fresh (the form shows them). On
 * complete: a signed-in quality user says what was done ({@code followUpNote}, 1 to 400 characters, checked here
 * whatever the channel), recorded in {@code decision_record} (subject RECALL, RECALL_FOLLOWED_UP).
 */
@Component("followUpCustomersListener")
class FollowUpCustomersListener implements TaskListener {

    static final int NOTE_MAX = 400;

    private final RecallFollowUps followUps;
    private final DecisionRecords decisions;
    private final SignedInUser signedIn;
    private final ProductRecallProcess process;

    FollowUpCustomersListener(
            RecallFollowUps followUps, DecisionRecords decisions, SignedInUser signedIn, ProductRecallProcess process) {
        this.followUps = followUps;
        this.decisions = decisions;
        this.signedIn = signedIn;
        this.process = process;
    }

    @Override
    public void notify(DelegateTask task) {
        long recallId = ProductRecallProcess.id(task.getVariable("recallId"));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("unansweredCustomers", RecallFollowUps.describe(followUps.unanswered(recallId)));
            return;
        }
        Actor actor = process.actor(signedIn.of(task, "quality user"));
        if (!actor.isInAny(java.util.Set.of(Groups.QUALITY, Groups.QUALITY_MANAGERS))) {
            throw new DomainException(
                    "RECALL_NOT_ALLOWED",
                    DomainException.Kind.FORBIDDEN,
                    "Only quality follows up a recall's customers; " + actor.userId() + " may not.",
                    Map.of("recallId", recallId));
        }
        String note = RecallTasks.text(task.getVariable("followUpNote"));
        if (note == null || note.length() > NOTE_MAX || RecallTasks.hasControl(note)) {
            throw DomainException.unprocessable(
                    "FOLLOW_UP_NOTE_REQUIRED",
                    "Say whom you reached and what they said (1 to " + NOTE_MAX + " characters).",
                    Map.of("recallId", recallId));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("note", note);
        details.put("unanswered", followUps.unanswered(recallId).size());
        decisions.record(
                task.getProcessInstanceId(),
                task.getTaskDefinitionKey(),
                task.getId(),
                RecallReconciliation.SUBJECT_TYPE,
                Long.toString(recallId),
                "RECALL_FOLLOWED_UP",
                details,
                actor.userId());
    }
}
