package org.lotledger.recall.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotledger.recall.RecallFollowUps;
import org.springframework.stereotype.Component;

/**
 * Task_DecideFollowUpInterval: the interval of the follow-up timer ({@code followUpInterval}, an ISO 8601 duration)
 * from the DMN {@code recallFollowUp} — evaluated per unanswered customer, the shortest wins, which a business rule
 * task (one evaluation, one input set) cannot do.
 */
@Component("decideFollowUpIntervalDelegate")
class DecideFollowUpIntervalDelegate implements JavaDelegate {

    private final RecallFollowUps followUps;

    DecideFollowUpIntervalDelegate(RecallFollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long recallId = ProductRecallProcess.id(execution.getVariable("recallId"));
        execution.setVariable("followUpInterval", followUps.interval(recallId));
    }
}
