package org.lotledger.transfers.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotledger.transfers.ResolvingTransferDiscrepancies;
import org.springframework.stereotype.Component;

/** "Close transfer": nothing in transit, every discrepancy resolved: the order becomes CLOSED. */
@Component("closeTransferDelegate")
public class CloseTransferDelegate implements JavaDelegate {

    private final ResolvingTransferDiscrepancies resolving;

    public CloseTransferDelegate(ResolvingTransferDiscrepancies resolving) {
        this.resolving = resolving;
    }

    @Override
    public void execute(DelegateExecution execution) {
        resolving.close(
                InterWarehouseTransferProcess.id(execution.getVariable("transferOrderId")), "InterWarehouseTransfer");
    }
}
