package org.lotledger.recall.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotledger.common.DomainException;
import org.springframework.stereotype.Component;

/**
 * "Reconcile recall" on complete. The reconciliation (shipped = returned + destroyed at customer + unaccounted) and
 * the four-eyes closure are the follow-up's (issue 11 §3, acknowledgements, returns, close); until they exist the
 * task is a real wait that cannot be completed, so no channel (Tasklist, /engine-rest) ends a recall unreconciled.
 */
@Component("reconcileRecallListener")
class ReconcileRecallListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        throw DomainException.conflict(
                "RECALL_RECONCILIATION_NOT_AVAILABLE",
                "Recall " + task.getVariable("recallNumber")
                        + " cannot be reconciled yet: reconciliation and closure are not built (issue 11 §3).",
                Map.of("recall", String.valueOf(task.getVariable("recallNumber"))));
    }
}
