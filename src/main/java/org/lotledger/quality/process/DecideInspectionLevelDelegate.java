package org.lotledger.quality.process;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotledger.platform.camunda.DecisionTables;
import org.lotledger.quality.inspection.InspectionFacts;
import org.springframework.stereotype.Component;

/** Task_DecideInspectionLevel: asks dmn/inspection-level.dmn and puts its answer and the lot's facts on the process. */
@Component("decideInspectionLevelDelegate")
public class DecideInspectionLevelDelegate implements JavaDelegate {

    private final InspectionFacts facts;
    private final DecisionTables tables;

    public DecideInspectionLevelDelegate(InspectionFacts facts, DecisionTables tables) {
        this.facts = facts;
        this.tables = tables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long lotId = ((Number) execution.getVariable("lotId")).longValue();
        Map<String, Object> lot = facts.of(lotId);
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("supplierApprovalStatus", lot.get("supplierApprovalStatus"));
        inputs.put("temperatureClass", lot.get("temperatureClass"));
        inputs.put("riskClass", lot.get("riskClass"));
        inputs.put("firstReceiptFromSupplier", lot.get("firstReceiptFromSupplier"));
        inputs.put("asnMismatch", Boolean.TRUE.equals(execution.getVariable("asnMismatch")));
        Map<String, Object> decided = tables.evaluate("inspectionLevel", inputs);
        lot.forEach(execution::setVariable);
        execution.setVariable("inspectionLevel", decided.get("inspectionLevel"));
        execution.setVariable("sampleSize", ((Number) decided.get("sampleSize")).longValue());
        execution.setVariable("qaGroup", decided.get("qaGroup"));
        long hours = ((Number) decided.get("slaHours")).longValue();
        execution.setVariable("slaHours", hours);
        execution.setVariable("inspectionSla", "PT" + Math.max(hours, 1) + "H");
    }
}
