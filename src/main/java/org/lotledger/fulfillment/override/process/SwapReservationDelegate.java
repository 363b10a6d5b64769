package org.lotledger.fulfillment.override.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotledger.fulfillment.override.AllocationOverrides;
import org.lotledger.platform.camunda.ProcessPostings;
import org.springframework.stereotype.Component;

/**
 * "Swap reservation": applies the approved override as its approver (read from the decision records), in the
 * engine's transaction, which is the approval's. Posts nothing.
 */
@Component("swapReservationDelegate")
public class SwapReservationDelegate implements JavaDelegate {

    private final AllocationOverrides overrides;
    private final ProcessPostings postings;

    public SwapReservationDelegate(AllocationOverrides overrides, ProcessPostings postings) {
        this.overrides = overrides;
        this.postings = postings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = AllocationOverrideProcess.id(execution.getVariable("overrideId"));
        var approver = postings.actorOf(execution.getProcessInstanceId(), AllocationOverrideProcess.APPROVAL_TASK);
        var applied = overrides.apply(id, approver);
        execution.setVariable("newReservationId", applied.newReservationId());
    }
}
