package org.lotledger.quality.process;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.lotledger.platform.security.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The reminder of a long-open hold (the event subprocess's timer, {@code holdReminderCycle}): every open task of the
 * hold rises in priority, "Review hold" is offered to quality-managers too, and {@code remindersSent} counts up, so a
 * forgotten hold climbs Tasklist's lists and shows in Cockpit.
 */
@Component("remindLongOpenHoldDelegate")
public class RemindLongOpenHoldDelegate implements JavaDelegate {

    static final int STEP = 20;

    private static final Logger log = LoggerFactory.getLogger(RemindLongOpenHoldDelegate.class);

    private final TaskService tasks;

    public RemindLongOpenHoldDelegate(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int sent = execution.getVariable("remindersSent") instanceof Number n ? n.intValue() : 0;
        for (Task t : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .active()
                .list()) {
            tasks.setPriority(t.getId(), Math.min(100, t.getPriority() + STEP));
            if (HoldProcess.REVIEW_TASK.equals(t.getTaskDefinitionKey())
                    && tasks.getIdentityLinksForTask(t.getId()).stream()
                            .noneMatch(l -> Groups.QUALITY_MANAGERS.equals(l.getGroupId()))) {
                tasks.addCandidateGroup(t.getId(), Groups.QUALITY_MANAGERS);
            }
        }
        execution.setVariable("remindersSent", sent + 1);
        log.info("hold {} still open: reminder {} sent", execution.getVariable("holdId"), sent + 1);
    }
}
