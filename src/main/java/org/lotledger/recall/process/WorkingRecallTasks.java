package org.lotledger.recall.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.PostingExecutor;
import org.lotledger.platform.camunda.TasksAsActor;
import org.lotledger.recall.RecallQueries;
import org.lotledger.recall.RecallView;
import org.springframework.stereotype.Service;

/**
 * The API's way into the recall's close: each call completes the recall's open task — "Reconcile recall", "Approve
 * recall closure" — as the caller, with the caller's Camunda identity, so the same task listeners decide as for
 * Tasklist and /engine-rest (the four-eyes rule among them). One transaction: a refusal changes nothing.
 * "Reconcile recall" through the API is held to the figures at the call, not to those its form showed when the task
 * opened (an API caller reads them live).
 */
@Service
public class WorkingRecallTasks {

    private final TaskService tasks;
    private final TasksAsActor asActor;
    private final RecallQueries queries;
    private final PostingExecutor executor;

    WorkingRecallTasks(TaskService tasks, TasksAsActor asActor, RecallQueries queries, PostingExecutor executor) {
        this.tasks = tasks;
        this.asActor = asActor;
        this.queries = queries;
        this.executor = executor;
    }

    /** Completes "Reconcile recall" as the caller. */
    public RecallView reconcile(long recallId, String note, Actor actor) {
        return executor.inTransaction(() -> {
            queries.view(recallId); // UNKNOWN_RECALL first
            Task task = openTask(recallId, ProductRecallProcess.RECONCILE_TASK, "RECALL_NOT_AWAITING_RECONCILIATION");
            // the API shows no form: its caller reads GET /api/recalls/{id}/reconciliation live, so there are no
            // figures "as shown" to hold it to; the listener still reads and records them fresh
            tasks.removeVariableLocal(task.getId(), ReconcileRecallListener.FIGURES);
            Map<String, Object> v = new HashMap<>();
            v.put("reconcileNote", note);
            asActor.complete(actor, task, v, false, "the recall", Map.of("recallId", recallId));
            return queries.view(recallId);
        });
    }

    /** Completes "Approve recall closure" with the caller's answer. */
    public RecallView answerClosure(long recallId, boolean approve, String note, Actor actor) {
        return executor.inTransaction(() -> {
            queries.view(recallId);
            Task task = openTask(recallId, RecallTasks.APPROVE_CLOSURE_TASK, "RECALL_NOT_AWAITING_APPROVAL");
            Map<String, Object> v = new HashMap<>();
            v.put("closureApproval", approve ? "APPROVE" : "REFUSE");
            v.put("closureNote", note);
            asActor.complete(actor, task, v, false, "the recall", Map.of("recallId", recallId));
            return queries.view(recallId);
        });
    }

    private Task openTask(long recallId, String definitionKey, String code) {
        List<Task> found = tasks.createTaskQuery()
                .processDefinitionKey(ProductRecallProcess.PROCESS_KEY)
                .processInstanceBusinessKey(ProductRecallProcess.businessKey(recallId))
                .taskDefinitionKey(definitionKey)
                .list();
        if (found.isEmpty()) {
            throw DomainException.conflict(
                    code,
                    "Recall " + recallId + " has no open '" + definitionKey.replace("Task_", "") + "' task now.",
                    Map.of("recallId", recallId));
        }
        return found.get(0);
    }
}
