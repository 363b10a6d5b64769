package org.lotledger.fulfillment.override.process;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.lotledger.common.Actor;
import org.lotledger.fulfillment.override.AllocationOverrideRequested;
import org.lotledger.fulfillment.override.AllocationOverrideView;
import org.lotledger.fulfillment.override.AllocationOverrides;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * bpmn/allocation-override-approval.bpmn and the application: starts one instance per override that needs approval
 * (business key {@code allocation-override-<id>}, in the requesting transaction) with what the task's name and form
 * show, and answers the process's gateway from the override's record ({@code ${allocationOverrideProcess.approved(overrideId)}}),
 * not from a variable a user could set.
 */
@Component("allocationOverrideProcess")
public class AllocationOverrideProcess {

    public static final String PROCESS_KEY = "AllocationOverrideApproval";
    public static final String APPROVAL_TASK = "Task_ApproveAllocationOverride";

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final AllocationOverrides overrides;
    private final Clock clock;
    private final Duration approvalWithin;

    public AllocationOverrideProcess(
            RuntimeService runtime,
            IdentityService identity,
            AllocationOverrides overrides,
            Clock clock,
            @Value("${lotledger.allocation-overrides.approval-within:PT4H}") Duration approvalWithin) {
        this.runtime = runtime;
        this.identity = identity;
        this.overrides = overrides;
        this.clock = clock;
        this.approvalWithin = approvalWithin;
    }

    public static String businessKey(long overrideId) {
        return "allocation-override-" + overrideId;
    }

    @EventListener
    public void on(AllocationOverrideRequested requested) {
        String id = runtime.startProcessInstanceByKey(
                        PROCESS_KEY, businessKey(requested.overrideId()), variables(requested.overrideId()))
                .getId();
        overrides.started(requested.overrideId(), id);
    }

    /** The start variables: ids and plain values for the task's name, its form and its due date. */
    Map<String, Object> variables(long overrideId) {
        AllocationOverrideView o = overrides.get(overrideId);
        Map<String, Object> c = overrides.context(overrideId);
        Map<String, Object> v = new HashMap<>();
        v.put("overrideId", overrideId);
        v.put("approverGroup", o.approvalGroup());
        v.put("approvalDue", Date.from(clock.instant().plus(approvalWithin)));
        v.put("orderNumber", o.orderNumber());
        v.put("customerName", c.get("customer_name"));
        v.put("sku", c.get("sku"));
        v.put("quantityText", o.quantity() + " " + c.get("base_uom"));
        v.put("reservedLot", o.reserved().lotNumber());
        v.put(
                "reservedExpiry",
                o.reserved().expiresOn() == null ? "no expiry" : o.reserved().expiresOn());
        v.put("reservedLocation", o.reserved().location());
        v.put("proposedLot", o.proposed().lotNumber());
        v.put(
                "proposedExpiry",
                o.proposed().expiresOn() == null ? "no expiry" : o.proposed().expiresOn());
        v.put("proposedLocation", o.proposed().location());
        v.put("deviation", o.deviation().name());
        v.put("daysShort", o.daysShort());
        v.put("reasonCode", o.reasonCode());
        v.put("reasonNote", o.note() == null ? "" : o.note());
        v.put("requestedBy", o.requestedBy());
        v.put("overrideDecision", null);
        v.put("overrideComment", null);
        return v;
    }

    /** The gateway's question, answered from the record. */
    public boolean approved(Object overrideId) {
        return overrides.approved(id(overrideId));
    }

    public Actor actor(String userId) {
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
