package org.lotledger.recall.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.platform.camunda.SignedInUser;
import org.lotledger.recall.RecallReconciliation;
import org.springframework.stereotype.Component;

/**
 * "Approve recall closure". On create: the reconciliation to approve and who reconciled it (read from
 * {@code decision_record}). On complete: the four-eyes rule (a quality manager, not the reconciler, the signed-in user
 * whatever the channel: Tasklist, the API, /engine-rest), then {@link RecallReconciliation#answerClosure}: approved,
 * the recall is CLOSED; refused (a note required), back to "Reconcile recall".
 */
@Component("approveRecallClosureListener")
class ApproveRecallClosureListener implements TaskListener {

    private final RecallReconciliation reconciliation;
    private final SignedInUser signedIn;
    private final ProductRecallProcess process;

    ApproveRecallClosureListener(
            RecallReconciliation reconciliation, SignedInUser signedIn, ProductRecallProcess process) {
        this.reconciliation = reconciliation;
        this.signedIn = signedIn;
        this.process = process;
    }

    @Override
    public void notify(DelegateTask task) {
        long recallId = ProductRecallProcess.id(task.getVariable("recallId"));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("reconciliation", reconciliation.describe(reconciliation.of(recallId)));
            task.setVariable("reconciledBy", reconciliation.reconciledBy(recallId));
            task.setVariable("closureApproval", null);
            task.setVariable("closureNote", null);
            return;
        }
        Actor approver = process.actor(signedIn.of(task, "quality manager"));
        String answer = RecallTasks.text(task.getVariable("closureApproval"));
        if (!"APPROVE".equals(answer) && !"REFUSE".equals(answer)) {
            throw DomainException.unprocessable(
                    "APPROVAL_REQUIRED", "Approve the closure or refuse it.", Map.of("recallId", recallId));
        }
        String note = RecallTasks.text(task.getVariable("closureNote"));
        if (note != null && (note.length() > RecallReconciliation.NOTE_MAX || RecallTasks.hasControl(note))) {
            throw DomainException.unprocessable(
                    "APPROVAL_NOTE_INVALID",
                    "A note has at most " + RecallReconciliation.NOTE_MAX + " characters and no control characters.",
                    Map.of("recallId", recallId));
        }
        reconciliation.answerClosure(
                recallId,
                "APPROVE".equals(answer),
                note,
                approver,
                task.getProcessInstanceId(),
                task.getTaskDefinitionKey(),
                task.getId());
    }
}
