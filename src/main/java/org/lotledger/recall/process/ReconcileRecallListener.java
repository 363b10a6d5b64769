package org.lotledger.recall.process;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.platform.camunda.SignedInUser;
import org.lotledger.recall.RecallReconciliation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Reconcile recall". On create: the reconciliation as it stands (per customer and lot shipped = returned + destroyed
 * at the customer + unaccounted, the company-side mass balance, what is still under the recall's holds) for the form
 * ({@code reconciliation}, Markdown) and the same figures as plain lines ({@code reconciliationFigures}), both
 * task-local. On complete: the signed-in quality user's reconciliation ({@code reconcileNote} optional, at most 400
 * characters) is checked against the figures read again in the completing transaction
 * ({@link RecallReconciliation#reconcile}): refused while stock is left under the recall's holds
 * ({@code RECALL_HOLD_STOCK_REMAINING}) or when the figures are no longer those the form showed
 * ({@code RECALL_FIGURES_CHANGED}, naming what changed), whatever the channel; else recorded in
 * {@code decision_record} and the recall becomes RECONCILING.
 *
 * <p>A refusal rolls the completion back, variables included, so the form would show the old figures for ever: after
 * such a rollback the task's figures are written again, fresh, in a transaction of their own — the next load of the
 * task shows what the refusal said.
 */
@Component("reconcileRecallListener")
class ReconcileRecallListener implements TaskListener {

    static final String SHOWN = "reconciliation";
    static final String FIGURES = "reconciliationFigures";

    private static final Logger log = LoggerFactory.getLogger(ReconcileRecallListener.class);
    private static final Set<String> REFRESHED_AFTER = Set.of("RECALL_FIGURES_CHANGED", "RECALL_HOLD_STOCK_REMAINING");

    private final RecallReconciliation reconciliation;
    private final SignedInUser signedIn;
    private final ProductRecallProcess process;
    private final ObjectProvider<TaskService> tasks;
    private final TransactionTemplate ownTransaction;

    ReconcileRecallListener(
            RecallReconciliation reconciliation,
            SignedInUser signedIn,
            ProductRecallProcess process,
            ObjectProvider<TaskService> tasks,
            PlatformTransactionManager transactions) {
        this.reconciliation = reconciliation;
        this.signedIn = signedIn;
        this.process = process;
        this.tasks = tasks;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void notify(DelegateTask task) {
        long recallId = ProductRecallProcess.id(task.getVariable("recallId"));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariablesLocal(shown(recallId));
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
        String figures = figuresOf(task.getVariableLocal(FIGURES));
        try {
            reconciliation.reconcile(
                    recallId,
                    note,
                    figures,
                    actor,
                    task.getProcessInstanceId(),
                    task.getTaskDefinitionKey(),
                    task.getId());
        } catch (DomainException e) {
            if (REFRESHED_AFTER.contains(e.code())) {
                refreshAfterRollback(task.getId(), recallId);
            }
            throw e;
        }
        // the approval task's name says who reconciled (a name is set before the task's create listeners run)
        task.setVariable("reconciledBy", actor.userId());
    }

    /**
     * What the form shows, and the same figures as lines to compare: read now. The figures are kept whole, as bytes
     * (the engine's byte array table): a string variable holds at most 4,000 characters, and a batch recall's figures
     * run past that at about 25 lots; cut, they could not be compared line by line.
     */
    Map<String, Object> shown(long recallId) {
        RecallReconciliation.Reconciliation rec = reconciliation.of(recallId);
        return Map.of(
                SHOWN,
                reconciliation.describe(rec),
                FIGURES,
                Variables.byteArrayValue(reconciliation.figures(rec).getBytes(StandardCharsets.UTF_8)));
    }

    /** The figures the task showed: bytes as {@link #shown} writes them (a plain string from an older task too). */
    static String figuresOf(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    /**
     * Once the refused completion is rolled back: the task's figures read again and written in a new transaction.
     * Without a Spring transaction (the engine-only tests) there is nothing to wait for and nothing is refreshed.
     */
    private void refreshAfterRollback(String taskId, long recallId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_ROLLED_BACK) {
                    return;
                }
                try {
                    ownTransaction.executeWithoutResult(
                            s -> tasks.getObject().setVariablesLocal(taskId, shown(recallId)));
                } catch (RuntimeException e) {
                    // the task was completed or deleted meanwhile: nothing left to show
                    log.info("Figures of recall {} not refreshed on task {}: {}", recallId, taskId, e.toString());
                }
            }
        });
    }
}
