package org.lotledger.quality.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotledger.evidence.DecisionRecords;
import org.lotledger.platform.camunda.SignedInUser;
import org.lotledger.quality.inspection.InspectionResult;
import org.springframework.stereotype.Component;

/**
 * On completing "Inspect lot": the engine does not validate Camunda Forms submissions, so this checks them
 * (InspectionResult) and refuses a bad one with a message the inspector reads in Tasklist; a good one is recorded
 * as evidence (decision_record) with the signed-in user as the inspector.
 */
@Component("inspectionResultListener")
public class InspectionResultListener implements TaskListener {

    static final String[] ANSWERS = {
        "decision",
        "acceptedQuantity",
        "rejectedQuantity",
        "destroyedSamples",
        "decisionReason",
        "labelsLegible",
        "coldChainInRange",
        "certificateOfAnalysisOk",
        "sampleResult"
    };

    private final DecisionRecords decisions;
    private final SignedInUser signedIn;

    public InspectionResultListener(DecisionRecords decisions, SignedInUser signedIn) {
        this.decisions = decisions;
        this.signedIn = signedIn;
    }

    @Override
    public void notify(DelegateTask task) {
        String inspector = signedIn.of(task, "inspector");
        Map<String, Object> answers = new LinkedHashMap<>();
        for (String key : ANSWERS) {
            Object value = task.getVariable(key);
            if (value != null) {
                answers.put(key, value);
            }
        }
        InspectionResult result = InspectionResult.check(
                String.valueOf(task.getVariable("inspectionLevel")),
                ((Number) task.getVariable("quantityUnderInspection")).longValue(),
                ((Number) task.getVariable("sampleSize")).longValue(),
                String.valueOf(task.getVariable("temperatureClass")),
                answers);
        decisions.record(
                task.getProcessInstanceId(),
                task.getTaskDefinitionKey(),
                task.getId(),
                "LOT",
                String.valueOf(task.getVariable("lotId")),
                result.decision(),
                answers,
                inspector);
    }
}
