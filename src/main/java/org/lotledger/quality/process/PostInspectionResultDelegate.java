package org.lotledger.quality.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotledger.common.Actor;
import org.lotledger.platform.camunda.ProcessPostings;
import org.lotledger.platform.security.Groups;
import org.lotledger.quality.inspection.InspectionResult;
import org.lotledger.quality.inspection.PostingInspectionResult;
import org.springframework.stereotype.Component;

/**
 * Task_PostInspectionResult (asyncBefore: its own transaction and job retries). Posts what the inspector decided,
 * as the inspector (read from the decision record, never from a variable); when the decision table said no
 * inspection is due, releases the whole quantity as the system, on the table's authority.
 */
@Component("postInspectionResultDelegate")
public class PostInspectionResultDelegate implements JavaDelegate {

    static final Actor RULE = new Actor("system:inspectionLevel", Set.of(Groups.QUALITY));

    private final PostingInspectionResult posting;
    private final ProcessPostings processPostings;

    public PostInspectionResultDelegate(PostingInspectionResult posting, ProcessPostings processPostings) {
        this.posting = posting;
        this.processPostings = processPostings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long lotId = ((Number) execution.getVariable("lotId")).longValue();
        long dock = ((Number) execution.getVariable("dockLocationId")).longValue();
        long quantity = ((Number) execution.getVariable("quantityUnderInspection")).longValue();
        String level = String.valueOf(execution.getVariable("inspectionLevel"));
        InspectionResult result;
        Actor actor;
        if ("SKIP".equals(level)) {
            result = new InspectionResult("ACCEPT", quantity, 0, 0, "no inspection due");
            actor = RULE;
        } else {
            Map<String, Object> answers = new HashMap<>();
            for (String key : InspectionResultListener.ANSWERS) {
                Object v = execution.getVariable(key);
                if (v != null) {
                    answers.put(key, v);
                }
            }
            result = InspectionResult.check(
                    level,
                    quantity,
                    ((Number) execution.getVariable("sampleSize")).longValue(),
                    String.valueOf(execution.getVariable("temperatureClass")),
                    answers);
            actor = processPostings.actorOf(execution.getProcessInstanceId(), "Task_InspectLot");
        }
        posting.post(
                processPostings.idempotencyKey(execution, null),
                execution.getProcessInstanceId(),
                lotId,
                dock,
                result,
                actor);
        execution.setVariable("acceptedQuantity", result.accepted());
        // Task_DirectPutaway reads it: accepted stock is AVAILABLE at the dock (unless a hold took it), whose zone
        // refuses it
        execution.setVariable("releasedStock", result.accepted() > 0 ? lotId + "@" + dock : "");
    }
}
