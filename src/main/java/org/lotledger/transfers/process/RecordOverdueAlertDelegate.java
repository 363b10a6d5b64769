package org.lotledger.transfers.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotledger.transfers.ResolvingTransferDiscrepancies;
import org.springframework.stereotype.Component;

/**
 * "Record overdue alert": the transfer's deadline passed and its receipt has not closed; an OVERDUE_IN_TRANSIT alert
 * is recorded (V93 {@code transfer_alert}, what the gauge {@code lotledger.transfers.overdue} counts) and the chase
 * task's name says since when.
 */
@Component("recordOverdueAlertDelegate")
public class RecordOverdueAlertDelegate implements JavaDelegate {

    private final ResolvingTransferDiscrepancies resolving;

    public RecordOverdueAlertDelegate(ResolvingTransferDiscrepancies resolving) {
        this.resolving = resolving;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = InterWarehouseTransferProcess.id(execution.getVariable("transferOrderId"));
        Date overdueAt = (Date) execution.getVariable("overdueAt");
        long alert = resolving.raiseOverdueAlert(id, overdueAt.toInstant(), execution.getProcessInstanceId());
        execution.setVariable("overdueAlertId", alert);
        execution.setVariable("overdueSinceText", InterWarehouseTransferProcess.shown(overdueAt.toInstant()));
        execution.setVariable("chaseNewDeadline", null);
        execution.setVariable("chaseNote", null);
    }
}
