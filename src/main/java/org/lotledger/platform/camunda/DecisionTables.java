package org.lotledger.platform.camunda;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.lotledger.common.DomainException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Evaluates the analysts' decision tables (dmn/) by key, with plain values in and out, so feature code asks a
 * table without knowing Camunda. Each evaluation is kept in Camunda's decision history (its time to live).
 */
@Component
@NamedInterface("camunda")
public class DecisionTables {

    private final DecisionService decisions;

    public DecisionTables(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The outputs of the one rule that applies (FIRST/UNIQUE tables); NO_DECISION when none does. */
    public Map<String, Object> evaluate(String decisionKey, Map<String, Object> inputs) {
        DmnDecisionRuleResult result =
                decisions.evaluateDecisionTableByKey(decisionKey, inputs).getSingleResult();
        if (result == null) {
            throw DomainException.unprocessable(
                    "NO_DECISION",
                    "Decision table '" + decisionKey + "' has no rule for " + inputs + ".",
                    Map.of("decision", decisionKey));
        }
        return result.getEntryMap();
    }
}
