package org.lotledger.quality.process;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.PostingExecutor;
import org.lotledger.platform.camunda.TasksAsActor;
import org.lotledger.quality.HoldDecisionPolicy;
import org.lotledger.quality.HoldView;
import org.lotledger.quality.HoldWarehouseMoves;
import org.lotledger.quality.QualityHolds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The API's way into the hold process: each call completes the hold's open task — "Review hold", "Approve hold
 * decision", "Move held stock" — as the caller, with the caller's Camunda identity, so Camunda's task authorizations
 * and the same task listeners decide as they do for Tasklist and /engine-rest. There is no second path around the
 * four-eyes rule. Everything runs in one transaction: a refusal changes nothing.
 */
@Service
public class WorkingHoldTasks {

    /** A hold with where its process stands: what it awaits, its warehouse moves and its open tasks. */
    public record HoldProgress(
            @JsonUnwrapped HoldView hold,
            String awaiting,
            List<HoldWarehouseMoves.WarehouseMove> warehouseMoves,
            List<OpenTask> openTasks) {}

    public record OpenTask(
            String taskId,
            String taskDefinitionKey,
            String name,
            List<String> candidateGroups,
            Integer priority,
            Long warehouseMoveId) {}

    public record Worked(HoldProgress progress) {}

    private final TaskService tasks;
    private final TasksAsActor asActor;
    private final QualityHolds holds;
    private final HoldWarehouseMoves moves;
    private final PostingExecutor executor;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public WorkingHoldTasks(
            TaskService tasks,
            TasksAsActor asActor,
            QualityHolds holds,
            HoldWarehouseMoves moves,
            PostingExecutor executor,
            JdbcTemplate jdbc,
            ObjectMapper json) {
        this.tasks = tasks;
        this.asActor = asActor;
        this.holds = holds;
        this.moves = moves;
        this.executor = executor;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Completes "Review hold" with the caller's decision. */
    public Worked review(long holdId, HoldDecisionPolicy.Proposal p, Actor actor, String idempotencyKey) {
        String key = java.util.Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return executor.inTransaction(() -> {
            holds.lockHoldDecisions();
            Task task = openTask(holdId, HoldProcess.REVIEW_TASK, "HOLD_NOT_AWAITING_REVIEW", "awaits no review now");
            Map<String, Object> v = new HashMap<>();
            v.put("outcome", p.outcome());
            v.put("releaseQuantity", p.releaseQuantity());
            v.put("scrapQuantity", p.scrapQuantity());
            v.put("returnQuantity", p.returnQuantity());
            v.put("scrapReasonCode", p.reasonCode());
            v.put("decisionNote", p.note());
            v.put(HoldReviewListener.PARTS, p.parts() == null || p.parts().isEmpty() ? null : write(p.parts()));
            v.put(HoldReviewListener.REQUEST_KEY, key);
            completeAs(actor, task, v);
            return new Worked(progress(holdId));
        });
    }

    /** Completes "Approve hold decision" with the caller's answer. */
    public Worked answer(long holdId, boolean approve, String note, Actor actor, String idempotencyKey) {
        String key = java.util.Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return executor.inTransaction(() -> {
            holds.lockHoldDecisions();
            Task task = openTask(
                    holdId, HoldProcess.APPROVAL_TASK, "HOLD_NOT_AWAITING_APPROVAL", "awaits no second approval now");
            Map<String, Object> v = new HashMap<>();
            v.put("approval", approve ? "APPROVE" : "REFUSE");
            v.put("approvalNote", note);
            v.put(HoldReviewListener.REQUEST_KEY, key);
            completeAs(actor, task, v);
            return new Worked(progress(holdId));
        });
    }

    /** Completes the "Move held stock" task of one warehouse move with what the worker scanned. */
    public Worked confirmMove(long holdId, long moveId, String lotScan, String locationScan, Actor actor) {
        return executor.inTransaction(() -> {
            holds.lockHoldDecisions();
            HoldWarehouseMoves.WarehouseMove m = moves.get(moveId);
            if (m.holdId() != holdId) {
                throw DomainException.notFound(
                        "UNKNOWN_WAREHOUSE_MOVE",
                        "Hold " + holdId + " has no warehouse move " + moveId + ".",
                        Map.of("holdId", holdId, "moveId", moveId));
            }
            if (!"OPEN".equals(m.state())) {
                throw DomainException.conflict(
                        "WAREHOUSE_MOVE_DONE",
                        "Warehouse move " + moveId + " was confirmed by " + m.confirmedBy() + " already.",
                        Map.of("moveId", moveId));
            }
            Task task = moveTasks(holdId).stream()
                    .filter(t -> Long.valueOf(moveId).equals(moveIdOf(t)))
                    .findFirst()
                    .orElseThrow(() -> DomainException.conflict(
                            "WAREHOUSE_MOVE_NOT_OPEN",
                            "Warehouse move " + moveId + " has no open task.",
                            Map.of("moveId", moveId)));
            Map<String, Object> v = new HashMap<>();
            v.put("scannedLot", lotScan);
            v.put("scannedLocation", locationScan);
            completeAs(actor, task, v, true);
            return new Worked(progress(holdId));
        });
    }

    public HoldProgress progress(long holdId) {
        HoldView hold = holds.view(holdId);
        List<OpenTask> open = new ArrayList<>();
        for (Task t : tasks.createTaskQuery()
                .processDefinitionKey(HoldProcess.PROCESS_KEY)
                .processInstanceBusinessKey(HoldProcess.businessKey(holdId))
                .orderByTaskCreateTime()
                .asc()
                .list()) {
            List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
                    .filter(l -> l.getGroupId() != null)
                    .map(l -> l.getGroupId())
                    .distinct()
                    .toList();
            open.add(new OpenTask(
                    t.getId(),
                    t.getTaskDefinitionKey(),
                    t.getName(),
                    groups,
                    t.getPriority(),
                    HoldProcess.MOVE_TASK.equals(t.getTaskDefinitionKey()) ? moveIdOf(t) : null));
        }
        String awaiting = open.isEmpty()
                ? null
                : switch (open.get(0).taskDefinitionKey()) {
                    case HoldProcess.REVIEW_TASK -> "REVIEW";
                    case HoldProcess.APPROVAL_TASK -> "SECOND_APPROVAL";
                    case HoldProcess.MOVE_TASK -> "WAREHOUSE_MOVES";
                    default -> open.get(0).taskDefinitionKey();
                };
        return new HoldProgress(hold, awaiting, moves.forHold(holdId), open);
    }

    private void completeAs(Actor actor, Task task, Map<String, Object> variables) {
        completeAs(actor, task, variables, false);
    }

    private void completeAs(Actor actor, Task task, Map<String, Object> variables, boolean local) {
        asActor.complete(actor, task, variables, local, "the hold", Map.of());
    }

    private Task openTask(long holdId, String definitionKey, String code, String what) {
        HoldView hold = holds.view(holdId); // UNKNOWN_HOLD first
        if (hold.state() != org.lotledger.quality.HoldState.OPEN) {
            throw DomainException.conflict(
                    "HOLD_NOT_OPEN",
                    "Hold " + holdId + " is " + hold.state() + "; there is nothing left to decide.",
                    Map.of("holdId", holdId, "state", hold.state().name()));
        }
        List<Task> found = tasks.createTaskQuery()
                .processDefinitionKey(HoldProcess.PROCESS_KEY)
                .processInstanceBusinessKey(HoldProcess.businessKey(holdId))
                .taskDefinitionKey(definitionKey)
                .list();
        if (found.isEmpty()) {
            throw DomainException.conflict(code, "Hold " + holdId + " " + what + ".", Map.of("holdId", holdId));
        }
        return found.get(0);
    }

    private List<Task> moveTasks(long holdId) {
        return tasks.createTaskQuery()
                .processDefinitionKey(HoldProcess.PROCESS_KEY)
                .processInstanceBusinessKey(HoldProcess.businessKey(holdId))
                .taskDefinitionKey(HoldProcess.MOVE_TASK)
                .list();
    }

    private Long moveIdOf(Task t) {
        Object v = tasks.getVariable(t.getId(), "warehouseMoveId");
        return v == null ? null : HoldProcess.id(v);
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
