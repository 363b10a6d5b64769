package org.lotledger.quality.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.platform.camunda.SignedInUser;
import org.lotledger.quality.HoldApprovals;
import org.lotledger.quality.HoldDecision;
import org.lotledger.quality.HoldDecisionRecords;
import org.springframework.stereotype.Component;

/**
 * "Approve hold decision". On create: the decision under review, readable ({@code proposedDecision}). On complete:
 * the four-eyes rule ({@link HoldApprovals#requireDifferentSecondApprover}) — a quality manager, not the reviewer,
 * the reviewer read from the decision records — then the answer is recorded. Whoever completes the task, through
 * Tasklist, the API or /engine-rest, passes here.
 */
@Component("holdApprovalListener")
public class HoldApprovalListener implements TaskListener {

    private final HoldApprovals approvals;
    private final HoldDecisionRecords decisions;
    private final HoldDecisionTexts texts;
    private final HoldProcess process;
    private final SignedInUser signedIn;

    public HoldApprovalListener(
            HoldApprovals approvals,
            HoldDecisionRecords decisions,
            HoldDecisionTexts texts,
            HoldProcess process,
            SignedInUser signedIn) {
        this.approvals = approvals;
        this.decisions = decisions;
        this.texts = texts;
        this.process = process;
        this.signedIn = signedIn;
    }

    @Override
    public void notify(DelegateTask task) {
        long holdId = HoldProcess.id(task.getVariable("holdId"));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            HoldDecision d = decisions.latest(holdId).orElseThrow();
            task.setVariable("proposedDecision", texts.describe(d));
            task.setVariable("reviewedBy", d.decidedBy());
            task.setVariable("approval", null);
            task.setVariable("approvalNote", null);
            return;
        }
        Actor approver = HoldReviewListener.signedIn(signedIn, process, task, "quality manager");
        String answer = HoldReviewListener.str(task.getVariable("approval"));
        if (!"APPROVE".equals(answer) && !"REFUSE".equals(answer)) {
            throw DomainException.unprocessable(
                    "APPROVAL_REQUIRED", "Approve the decision or refuse it.", java.util.Map.of("holdId", holdId));
        }
        approvals.answer(
                holdId,
                "APPROVE".equals(answer),
                HoldReviewListener.str(task.getVariable("approvalNote")),
                approver,
                task.getProcessInstanceId(),
                task.getTaskDefinitionKey(),
                task.getId(),
                HoldReviewListener.str(task.getVariable(HoldReviewListener.REQUEST_KEY)));
        task.setVariable(HoldReviewListener.REQUEST_KEY, null);
    }
}
