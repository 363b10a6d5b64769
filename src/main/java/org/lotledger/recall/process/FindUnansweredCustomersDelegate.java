package org.lotledger.recall.process;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotledger.recall.RecallFollowUps;
import org.springframework.stereotype.Component;

/**
 * Task_FindUnansweredCustomers, each time the follow-up timer fires: who still has not acknowledged the notice
 * ({@code unansweredCount}, {@code unansweredCustomers} as Markdown for the form), and whether a follow-up task is
 * needed ({@code followUpNeeded}: someone is unanswered and no earlier follow-up task is still open).
 */
@Component("findUnansweredCustomersDelegate")
class FindUnansweredCustomersDelegate implements JavaDelegate {

    private final RecallFollowUps followUps;
    private final TaskService tasks;

    FindUnansweredCustomersDelegate(RecallFollowUps followUps, TaskService tasks) {
        this.followUps = followUps;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long recallId = ProductRecallProcess.id(execution.getVariable("recallId"));
        List<RecallFollowUps.Unanswered> unanswered = followUps.unanswered(recallId);
        boolean open = tasks.createTaskQuery()
                        .processInstanceId(execution.getProcessInstanceId())
                        .taskDefinitionKey(RecallTasks.FOLLOW_UP_TASK)
                        .count()
                > 0;
        execution.setVariable("unansweredCount", unanswered.size());
        execution.setVariable("unansweredCustomers", RecallFollowUps.describe(unanswered));
        execution.setVariable("followUpNeeded", !unanswered.isEmpty() && !open);
    }
}
