package org.lotledger.transfers.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotledger.transfers.ResolvingTransferDiscrepancies;
import org.springframework.stereotype.Component;

/** "Hand to quality": damaged or out-of-cold-chain units wait in QUARANTINE for quality ({@code TransferStockToQuality}). */
@Component("handTransferStockToQualityDelegate")
public class HandTransferStockToQualityDelegate implements JavaDelegate {

    private final ResolvingTransferDiscrepancies resolving;

    public HandTransferStockToQualityDelegate(ResolvingTransferDiscrepancies resolving) {
        this.resolving = resolving;
    }

    @Override
    public void execute(DelegateExecution execution) {
        resolving.handToQuality(
                InterWarehouseTransferProcess.id(execution.getVariable("discrepancyId")),
                execution.getProcessInstanceId());
    }
}
