package org.lotledger.quality.process;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts bpmn/receiving-inspection.bpmn for a lot received at a dock, in the caller's transaction. */
@Component
public class StartingInspection {

    public static final String PROCESS_KEY = "ReceivingInspection";

    private final RuntimeService runtime;

    public StartingInspection(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** @return the process instance id */
    public String start(long lotId, long dockLocationId, long quantityBaseUnits, String receiptRef, boolean asnMismatch) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("lotId", lotId);
        variables.put("dockLocationId", dockLocationId);
        variables.put("quantityUnderInspection", quantityBaseUnits);
        variables.put("receiptRef", receiptRef);
        variables.put("asnMismatch", asnMismatch);
        return runtime.startProcessInstanceByKey(PROCESS_KEY, "lot-" + lotId + ":" + receiptRef, variables).getId();
    }
}
