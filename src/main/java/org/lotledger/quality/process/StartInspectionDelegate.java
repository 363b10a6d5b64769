package org.lotledger.quality.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_StartInspection of bpmn/receiving-receipt.bpmn (the "Lot received" event subprocess): starts the lot's
 * receiving inspection as an instance of its own, so that reversing the receipt line can delete it. Reads the lot's
 * variables from the event subprocess's scope, where the receipt's process put them.
 */
@Component("startInspectionDelegate")
public class StartInspectionDelegate implements JavaDelegate {

    private final StartingInspection starting;

    public StartInspectionDelegate(StartingInspection starting) {
        this.starting = starting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long receiptId = number(execution, "receiptId");
        long lineId = number(execution, "receiptLineId");
        String instance = starting.start(
                number(execution, "lotId"),
                number(execution, "dockLocationId"),
                number(execution, "quantityBaseUnits"),
                StartingInspection.receiptRef(receiptId, lineId),
                Boolean.TRUE.equals(execution.getVariable("asnMismatch")));
        // local: one per received lot, kept in the event subprocess's scope (and its history)
        execution.setVariableLocal("inspectionProcessInstanceId", instance);
    }

    private static long number(DelegateExecution execution, String name) {
        return ((Number) execution.getVariable(name)).longValue();
    }
}
