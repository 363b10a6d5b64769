package org.lotledger.platform.camunda;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Completes a user task as the API caller, with the caller's Camunda identity, so Camunda's task authorizations and
 * our task listeners (four eyes, form checks) apply to the API exactly as to Tasklist: not allowed is 403
 * {@code TASK_NOT_ALLOWED}, a task someone completed at the same moment is 409 {@code TASK_COMPLETED_BY_SOMEONE_ELSE},
 * and a refusal of ours from a listener reaches the caller as itself, unwrapped from the engine's exceptions.
 */
@Component
@NamedInterface("camunda")
public class TasksAsActor {

    private final TaskService tasks;
    private final IdentityService identity;

    public TasksAsActor(TaskService tasks, IdentityService identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    /**
     * @param local   set the variables on the task (local) instead of the process instance
     * @param subject what the caller should reload when someone else was faster ("the hold", "the override")
     * @param details added to a TASK_NOT_ALLOWED refusal
     */
    public void complete(
            Actor actor,
            Task task,
            Map<String, Object> variables,
            boolean local,
            String subject,
            Map<String, Object> details) {
        identity.setAuthentication(actor.userId(), new ArrayList<>(actor.groups()));
        try {
            if (local) {
                tasks.setVariablesLocal(task.getId(), variables);
                tasks.complete(task.getId());
            } else {
                tasks.complete(task.getId(), variables);
            }
        } catch (AuthorizationException e) {
            java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
            d.put("taskId", task.getId());
            d.putAll(details);
            throw new DomainException(
                    "TASK_NOT_ALLOWED",
                    DomainException.Kind.FORBIDDEN,
                    "Task '" + task.getName() + "' is not one of " + actor.userId() + "'s tasks.",
                    d);
        } catch (OptimisticLockingException e) {
            // someone completed the same task at the same moment (Tasklist, another API call): theirs counts
            throw DomainException.conflict(
                    "TASK_COMPLETED_BY_SOMEONE_ELSE",
                    "Task '" + task.getName() + "' was completed by someone else just now; reload " + subject + ".",
                    Map.of("taskId", task.getId()));
        } catch (RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof DomainException d) {
                    throw d;
                }
            }
            throw e;
        } finally {
            identity.clearAuthentication();
        }
    }
}
