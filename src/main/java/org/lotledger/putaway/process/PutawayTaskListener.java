package org.lotledger.putaway.process;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.platform.camunda.ProcessPostings;
import org.lotledger.platform.camunda.SignedInUser;
import org.lotledger.putaway.ReleasedStockPutaway;
import org.springframework.stereotype.Component;

/**
 * On completing "Put away" (bpmn/directed-putaway.bpmn): the engine does not validate Camunda Forms submissions, so
 * this checks the worker's answer and posts the PUTAWAY through {@link ReleasedStockPutaway} (DirectingPutaway and
 * the ledger's gate) in the engine's transaction, as the signed-in worker. A refusal (no scan, a location outside
 * the directed zone without an override reason, a zone that refuses the stock, too much) is a readable message; the
 * task stays open and nothing is posted. When nothing is left at the source (it was put away through the API
 * meanwhile) the task completes and posts nothing ({@code putawayOutcome} says so).
 */
@Component("putawayTaskListener")
public class PutawayTaskListener implements TaskListener {

    private final ReleasedStockPutaway putaway;
    private final SignedInUser signedIn;
    private final IdentityService identity;

    public PutawayTaskListener(ReleasedStockPutaway putaway, SignedInUser signedIn, IdentityService identity) {
        this.putaway = putaway;
        this.signedIn = signedIn;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String userId = signedIn.of(task, "warehouse worker");
        Set<String> groups = new HashSet<>();
        for (Group g : identity.createGroupQuery().groupMember(userId).list()) {
            groups.add(g.getId());
        }
        long lotId = ((Number) task.getVariable("lotId")).longValue();
        long from = ((Number) task.getVariable("fromLocationId")).longValue();
        ReleasedStockPutaway.Answer answer = new ReleasedStockPutaway.Answer(
                text(task.getVariable("scannedLocation")),
                quantity(task.getVariable("putawayQuantity")),
                text(task.getVariable("overrideReasonCode")));
        ReleasedStockPutaway.Outcome outcome = putaway.confirm(
                lotId,
                from,
                answer,
                new Actor(userId, groups),
                ProcessPostings.idempotencyKey(task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getId()));
        task.setVariable(
                "putawayOutcome",
                outcome.posting().isEmpty()
                        ? "nothing left at " + task.getVariable("fromLocation") + ": already put away"
                        : outcome.quantity() + " " + task.getVariable("baseUom") + " to " + outcome.toLocation()
                                + " (posting " + outcome.posting().get().id() + ")");
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }

    private static Long quantity(Object v) {
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw DomainException.unprocessable(
                    "PUTAWAY_QUANTITY_INVALID",
                    "The quantity is a whole number of base " + "units; got '" + v + "'.",
                    Map.of());
        }
    }
}
