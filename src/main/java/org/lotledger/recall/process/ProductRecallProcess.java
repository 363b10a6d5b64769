package org.lotledger.recall.process;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.lotledger.common.Actor;
import org.springframework.stereotype.Component;

/**
 * The recall's process, {@code ProductRecall} (bpmn/product-recall.bpmn, docs/processes/product-recall.md): started
 * with the recall in the request's transaction, business key {@code recall-<id>}; variables are ids and plain values
 * (recallId, recallNumber, scopeLabel, lotCount).
 */
@Component
public class ProductRecallProcess {

    public static final String PROCESS_KEY = "ProductRecall";
    public static final String PLACE_HOLD_TASK = "Task_PlaceRecallHolds";
    public static final String RECONCILE_TASK = "Task_ReconcileRecall";
    public static final String WITHDRAWN_MESSAGE = "RecallWithdrawn";

    private final RuntimeService runtime;
    private final IdentityService identity;

    ProductRecallProcess(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    public static String businessKey(long recallId) {
        return "recall-" + recallId;
    }

    /** @return the process instance id */
    public String start(long recallId, String number, String scopeLabel, int lotCount) {
        Map<String, Object> v = new HashMap<>();
        v.put("recallId", recallId);
        v.put("recallNumber", number);
        v.put("scopeLabel", scopeLabel);
        v.put("lotCount", lotCount);
        return runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(recallId), v)
                .getId();
    }

    /** Tells the recall's process it was withdrawn; it ends there. */
    public void withdrawn(long recallId) {
        runtime.createMessageCorrelation(WITHDRAWN_MESSAGE)
                .processInstanceBusinessKey(businessKey(recallId))
                .correlate();
    }

    /** The user with the groups they have now, as a job acts on their behalf. */
    Actor actor(String userId) {
        Set<String> groups = new HashSet<>();
        for (Group g : identity.createGroupQuery().groupMember(userId).list()) {
            groups.add(g.getId());
        }
        return new Actor(userId, groups);
    }

    static long id(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        return Long.parseLong(String.valueOf(v));
    }
}
