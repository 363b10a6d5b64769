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
 * "Reconcile recall". On create: the reconciliation as it stands (per customer and lot shipped = returned + destroyed
 * at the customer + unaccounted, the company-side mass balance, what is still under the recall's holds), for the form.
 * On complete: the signed-in quality user's reconciliation ({@code reconcileNote} optional, at most 400 characters) is
 * recorded in {@code decision_record} and the recall becomes RECONCILING ({@link RecallReconciliation#reconcile}),
 * refused while stock is left under the recall's holds ({@code RECALL_HOLD_STOCK_REMAINING}), whatever the channel.
 */
@Component("reconcileRecallListener")
class ReconcileRecallListener implements TaskListener {

    private final RecallReconciliation reconciliation;
    private final SignedInUser signedIn;
    private final ProductRecallProcess process;

    ReconcileRecallListener(RecallReconciliation reconciliation, SignedInUser signedIn, ProductRecallProcess process) {
        this.reconciliation = reconciliation;
        this.signedIn = signedIn;
        this.process = process;
    }

    @Override
    public void notify(DelegateTask task) {
        long recallId = ProductRecallProcess.id(task.getVariable("recallId"));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("reconciliation", reconciliation.describe(reconciliation.of(recallId)));
            task.setVariable("reconcileNote", null);
            return;
        }
        Actor actor = process.actor(signedIn.of(task, "quality user"));
        String note = RecallTasks.text(task.getVariable("reconcileNote"));
        if (note != null && (note.length() > RecallReconciliation.NOTE_MAX || RecallTasks.hasControl(note))) {
            throw DomainException.unprocessable(
                    "RECONCILE_NOTE_INVALID",
                    "A note has at most " + RecallReconciliation.NOTE_MAX + " characters and no control characters.",
                    Map.of("recallId", recallId));
        }
        reconciliation.reconcile(
                recallId, note, actor, task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getId());
        // the approval task's name says who reconciled (a name is set before the task's create listeners run)
        task.setVariable("reconciledBy", actor.userId());
    }
}
