package org.lotledger.quality.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.platform.camunda.SignedInUser;
import org.lotledger.platform.security.Groups;
import org.lotledger.quality.HoldDecision;
import org.lotledger.quality.HoldDecisionPolicy;
import org.lotledger.quality.HoldDecisions;
import org.springframework.stereotype.Component;

/**
 * "Review hold". On create: puts what the hold holds now on the task for the form ({@code heldSummary}). On complete:
 * the engine does not validate Camunda Forms submissions, so this checks the answer ({@link HoldDecisions}) and
 * refuses a bad one with a message the reviewer reads in Tasklist; a good one is recorded as the decision
 * ({@code APPROVE_<outcome>}) with the signed-in user — whoever completes the task, through Tasklist, the API or
 * /engine-rest — as the reviewer.
 */
@Component("holdReviewListener")
public class HoldReviewListener implements TaskListener {

    /** Set by the API only: explicit parts (JSON) and the caller's idempotency key. */
    static final String PARTS = "decisionParts";

    static final String REQUEST_KEY = "requestKey";

    private final HoldDecisions decisions;
    private final HoldDecisionTexts texts;
    private final HoldProcess process;
    private final SignedInUser signedIn;
    private final ObjectMapper json;

    public HoldReviewListener(
            HoldDecisions decisions,
            HoldDecisionTexts texts,
            HoldProcess process,
            SignedInUser signedIn,
            ObjectMapper json) {
        this.decisions = decisions;
        this.texts = texts;
        this.process = process;
        this.signedIn = signedIn;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        long holdId = HoldProcess.id(task.getVariable("holdId"));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariable("heldSummary", texts.heldSummary(holdId));
            return;
        }
        Actor reviewer = signedIn(signedIn, process, task, "quality reviewer");
        if (!reviewer.isIn(Groups.QUALITY) && !reviewer.isIn(Groups.QUALITY_MANAGERS)) {
            throw new DomainException(
                    "HOLD_NOT_ALLOWED",
                    DomainException.Kind.FORBIDDEN,
                    "Only quality reviews a hold; " + reviewer.userId() + " is not in quality.");
        }
        HoldDecision d = decisions.decide(
                holdId,
                new HoldDecisionPolicy.Proposal(
                        str(task.getVariable("outcome")),
                        HoldProcess.optionalLong(task.getVariable("releaseQuantity"), "release"),
                        HoldProcess.optionalLong(task.getVariable("scrapQuantity"), "scrap"),
                        HoldProcess.optionalLong(task.getVariable("returnQuantity"), "return"),
                        parts(task.getVariable(PARTS)),
                        str(task.getVariable("scrapReasonCode")),
                        str(task.getVariable("decisionNote")),
                        str(task.getVariable(REQUEST_KEY))),
                task.getProcessInstanceId(),
                task.getTaskDefinitionKey(),
                task.getId(),
                reviewer.userId());
        // the table's input, normalised; what is carried out is read back from the record, not from here
        task.setVariable("outcome", d.outcome().name());
        task.setVariable("reviewDecisionId", d.recordId());
        task.setVariable(PARTS, null);
        task.setVariable(REQUEST_KEY, null);
    }

    static Actor signedIn(SignedInUser signedIn, HoldProcess process, DelegateTask task, String who) {
        return process.actor(signedIn.of(task, who));
    }

    static String str(Object v) {
        return v == null ? null : v.toString();
    }

    private List<HoldDecision.Part> parts(Object v) {
        if (v == null || v.toString().isBlank()) {
            return List.of();
        }
        try {
            List<HoldDecision.Part> parts = new ArrayList<>();
            for (var p : json.readTree(v.toString())) {
                parts.add(new HoldDecision.Part(
                        p.get("lotId").asLong(),
                        p.get("locationId").asLong(),
                        p.get("quantity").asLong(),
                        HoldDecision.Disposition.valueOf(p.get("disposition").asText())));
            }
            return parts;
        } catch (JsonProcessingException | RuntimeException e) {
            throw DomainException.unprocessable(
                    "HOLD_DECISION_INVALID",
                    "The decision's parts are not readable: " + "a list of {lotId, locationId, quantity, disposition}.",
                    Map.of());
        }
    }
}
