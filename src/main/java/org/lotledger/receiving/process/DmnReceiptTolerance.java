package org.lotledger.receiving.process;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.lotledger.receiving.ReceiptTolerance;
import org.springframework.stereotype.Component;

/** {@link ReceiptTolerance} from the DMN decision {@code overReceiptTolerance}. */
@Component
class DmnReceiptTolerance implements ReceiptTolerance {

    static final String DECISION = "overReceiptTolerance";

    private final DecisionService decisions;

    DmnReceiptTolerance(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public BigDecimal tolerancePercent(String supplierApprovalStatus, String riskClass, String temperatureClass) {
        var variables = Variables.createVariables()
                .putValue("supplierApprovalStatus", supplierApprovalStatus)
                .putValue("riskClass", riskClass)
                .putValue("temperatureClass", temperatureClass);
        var result = decisions.evaluateDecisionTableByKey(DECISION, variables).getSingleResult();
        Object percent = result == null ? null : result.getEntry("tolerancePercent");
        if (!(percent instanceof Number n)) {
            // a table without an answer is a modelling fault, not a business "no": make it an error, never 0 or 100
            throw new IllegalStateException("decision " + DECISION + " gave no tolerancePercent for "
                    + Map.of(
                            "supplierApprovalStatus",
                            String.valueOf(supplierApprovalStatus),
                            "riskClass",
                            String.valueOf(riskClass),
                            "temperatureClass",
                            String.valueOf(temperatureClass)));
        }
        return new BigDecimal(n.toString());
    }
}
