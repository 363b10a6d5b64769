package org.lotledger.quality.process;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.lotledger.quality.inspection.InspectionFacts;
import org.lotledger.receiving.ReceiptLineReversed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts bpmn/receiving-inspection.bpmn for a lot received at a dock — called by the receipt's process
 * (bpmn/receiving-receipt.bpmn, {@link StartInspectionDelegate}) in the receiving transaction, so a receipt line and
 * its inspection commit together; the decision runs in a job of its own — and cancels it when the receipt line is
 * reversed (a mistyped lot is corrected by a reversal and a new receipt).
 */
@Component
public class StartingInspection {

    public static final String PROCESS_KEY = "ReceivingInspection";

    private final RuntimeService runtime;
    private final InspectionFacts facts;

    public StartingInspection(RuntimeService runtime, InspectionFacts facts) {
        this.runtime = runtime;
        this.facts = facts;
    }

    @EventListener
    public void on(ReceiptLineReversed reversed) {
        String businessKey = businessKey(reversed.lotId(), receiptRef(reversed.receiptId(), reversed.receiptLineId()));
        runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey)
                .list()
                .forEach(pi -> runtime.deleteProcessInstance(
                        pi.getId(), "receipt line reversed (posting " + reversed.reversalPostingId() + ")"));
    }

    public static String receiptRef(long receiptId, long receiptLineId) {
        return "receipt-" + receiptId + "-line-" + receiptLineId;
    }

    static String businessKey(long lotId, String receiptRef) {
        return "lot-" + lotId + ":" + receiptRef;
    }

    /**
     * Puts the lot's facts on the instance at its start: they are the inputs of the inspectionLevel table (a business
     * rule task) and what the task names in Tasklist say ("Inspect lot 45951A · DRS-FOAM-10 · 200 EA").
     *
     * @return the process instance id
     */
    public String start(
            long lotId, long dockLocationId, long quantityBaseUnits, String receiptRef, boolean asnMismatch) {
        Map<String, Object> variables = new HashMap<>(facts.of(lotId));
        variables.put("quantityText", quantityBaseUnits + " " + variables.get("baseUom"));
        variables.put("lotId", lotId);
        variables.put("dockLocationId", dockLocationId);
        variables.put("quantityUnderInspection", quantityBaseUnits);
        variables.put("receiptRef", receiptRef);
        variables.put("asnMismatch", asnMismatch);
        return runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(lotId, receiptRef), variables)
                .getId();
    }
}
