package org.lotledger.fulfillment.override.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.override.AllocationOverrideView;
import org.lotledger.fulfillment.override.AllocationOverrides;
import org.lotledger.platform.camunda.TasksAsActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API's way to decide an override ({@code POST /api/allocation-overrides/{id}/decision}): it completes the
 * override's "Approve allocation override" task as the caller, with the caller's Camunda identity, so Camunda's task
 * authorizations and the same task listener decide as for Tasklist and /engine-rest. No second path around four eyes.
 */
@Service
public class DecidingOverrides {

    private final TaskService tasks;
    private final TasksAsActor asActor;
    private final AllocationOverrides overrides;

    public DecidingOverrides(TaskService tasks, TasksAsActor asActor, AllocationOverrides overrides) {
        this.tasks = tasks;
        this.asActor = asActor;
        this.overrides = overrides;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public AllocationOverrideView decide(long id, boolean approve, String comment, Actor actor) {
        AllocationOverrideView o = overrides.get(id); // UNKNOWN_ALLOCATION_OVERRIDE first
        List<Task> found = tasks.createTaskQuery()
                .processDefinitionKey(AllocationOverrideProcess.PROCESS_KEY)
                .processInstanceBusinessKey(AllocationOverrideProcess.businessKey(id))
                .taskDefinitionKey(AllocationOverrideProcess.APPROVAL_TASK)
                .list();
        if (found.isEmpty()) {
            throw DomainException.conflict(
                    "OVERRIDE_NOT_AWAITING_APPROVAL",
                    "Override " + id + " is " + o.state() + " and awaits no approval.",
                    Map.of("overrideId", id, "state", o.state().name()));
        }
        Task task = found.get(0);
        Map<String, Object> v = new HashMap<>();
        v.put("overrideDecision", approve ? "APPROVE" : "REJECT");
        v.put("overrideComment", comment);
        asActor.complete(
                actor, task, v, false, "the override", Map.of("approvalGroup", String.valueOf(o.approvalGroup())));
        return overrides.get(id);
    }
}
