package org.lotledger.quality.process;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.platform.camunda.DecisionTables;
import org.lotledger.quality.HoldApprovals;
import org.lotledger.quality.HoldDecision;
import org.lotledger.quality.HoldDecisionRecords;
import org.lotledger.quality.HoldPlaced;
import org.lotledger.quality.HoldReason;
import org.lotledger.quality.HoldState;
import org.lotledger.quality.HoldWarehouseMoves;
import org.lotledger.quality.QualityHolds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * bpmn/quality-hold-release.bpmn and the application: starts one instance per placed hold (business key
 * {@code hold-<id>}, in the placing transaction), and answers the process's gateways from the application's records
 * rather than from variables a user could set ({@code ${holdProcess.isOpen(holdId)}},
 * {@code ${holdProcess.secondApprovalGiven(holdId)}}). How soon a hold is due for review comes from
 * dmn/hold-review-sla.dmn ({@code holdReviewSla}) by its reason: the due date of "Review hold" and the period of the
 * reminder that escalates it are one value.
 */
@Component("holdProcess")
public class HoldProcess {

    public static final String PROCESS_KEY = "QualityHoldRelease";
    public static final String REVIEW_TASK = "Task_ReviewHold";
    public static final String APPROVAL_TASK = "Task_ApproveHoldDecision";
    public static final String MOVE_TASK = "Task_MoveHeldStock";
    public static final String REVIEW_SLA_DECISION = "holdReviewSla";

    /** How many reminders a hold gets at most, one per review period: the cycle is {@code R60/<reviewWithin>}. */
    static final int REMINDERS = 60;

    /** An ISO 8601 duration as Camunda's due dates and timers read it (PT4H, P2D, P1DT12H). */
    private static final Pattern DURATION =
            Pattern.compile("P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?");

    private static final Logger log = LoggerFactory.getLogger(HoldProcess.class);

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final QualityHolds holds;
    private final HoldDecisionRecords decisions;
    private final HoldApprovals approvals;
    private final JdbcTemplate jdbc;
    private final HoldWarehouseMoves moves;
    private final DecisionTables tables;

    public HoldProcess(
            RuntimeService runtime,
            IdentityService identity,
            QualityHolds holds,
            HoldDecisionRecords decisions,
            HoldApprovals approvals,
            JdbcTemplate jdbc,
            HoldWarehouseMoves moves,
            DecisionTables tables) {
        this.runtime = runtime;
        this.identity = identity;
        this.holds = holds;
        this.decisions = decisions;
        this.approvals = approvals;
        this.jdbc = jdbc;
        this.moves = moves;
        this.tables = tables;
    }

    public static String businessKey(long holdId) {
        return "hold-" + holdId;
    }

    @EventListener
    public void on(HoldPlaced placed) {
        start(placed.holdId());
    }

    /** Holds placed before this process existed (or while it was not deployed) get their review process now. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void startMissing() {
        for (Long holdId :
                jdbc.queryForList("select id from quality_hold where state = 'OPEN' order by id", Long.class)) {
            if (runtime.createProcessInstanceQuery()
                            .processDefinitionKey(PROCESS_KEY)
                            .processInstanceBusinessKey(businessKey(holdId))
                            .count()
                    == 0) {
                log.info("starting the review process of open hold {}", holdId);
                start(holdId);
            }
        }
    }

    /** @return the process instance id */
    public String start(long holdId) {
        var hold = holds.view(holdId);
        Map<String, Object> v = new HashMap<>();
        v.put("holdId", holdId);
        v.put("holdReason", hold.reason().name());
        v.put("holdScope", hold.scope().name());
        v.put("holdSubject", hold.lotLabel() != null ? "lot " + hold.lotLabel() : "location " + hold.locationCode());
        v.put("holdNote", hold.note() == null ? "" : hold.note());
        v.put("placedBy", hold.placedBy());
        v.put("subjectType", QualityHolds.SUBJECT_TYPE);
        v.put("subjectId", Long.toString(holdId));
        // what the task names in Tasklist say: "Review hold 15 · LL00000003 · recall"
        v.put("holdLabel", hold.lotLabel() != null ? hold.lotLabel() : hold.locationCode());
        v.put("holdReasonText", reasonText(hold.reason()));
        // "Review hold" is due when the first reminder fires: the reminder timer and the due date read one value
        v.putAll(reviewSchedule(tables.evaluate(
                REVIEW_SLA_DECISION, Map.of("holdReason", hold.reason().name()))));
        v.put("remindersSent", 0);
        return runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(holdId), v)
                .getId();
    }

    /** The reason in the words a task name uses. */
    static String reasonText(HoldReason reason) {
        return switch (reason) {
            case CUSTOMER_COMPLAINT -> "customer complaint";
            case TEMPERATURE_EXCURSION -> "temperature excursion";
            case SUPPLIER_NOTICE -> "supplier notice";
            case REGULATORY_OR_RECALL -> "recall";
            case INVESTIGATION -> "investigation";
        };
    }

    /**
     * The process variables of the review SLA from the answer of {@code holdReviewSla}: {@code holdReviewDue} (due
     * date of "Review hold", a duration Camunda reads as from now), {@code holdReviewFollowUp} (its follow-up date) and
     * {@code holdReminderCycle}, the reminder timer's cycle with the same period ({@code PT4H} → {@code R60/PT4H}), so
     * the first reminder fires when the task falls due.
     */
    static Map<String, Object> reviewSchedule(Map<String, Object> sla) {
        String reviewWithin = duration(sla, "reviewWithin");
        String followUpWithin = duration(sla, "followUpWithin");
        return Map.of(
                "holdReviewDue",
                reviewWithin,
                "holdReviewFollowUp",
                followUpWithin,
                "holdReminderCycle",
                "R" + REMINDERS + "/" + reviewWithin);
    }

    private static String duration(Map<String, Object> sla, String output) {
        Object value = sla.get(output);
        if (!(value instanceof String s) || !DURATION.matcher(s).matches()) {
            // a model fault, not the user's: the hold is not placed without its review SLA
            throw new IllegalStateException("dmn/hold-review-sla.dmn answered " + output + " = " + value + " for " + sla
                    + "; expected an ISO 8601 duration such as PT4H or P2D");
        }
        return s;
    }

    /** The name of a "Move held stock" task: where the stock is taken from. */
    public String moveFrom(Object warehouseMoveId) {
        return moves.get(id(warehouseMoveId)).fromLocationCode();
    }

    /** Gateway "Hold still open?": the hold's state in the application. */
    public boolean isOpen(Object holdId) {
        return holds.stateOf(id(holdId)) == HoldState.OPEN;
    }

    /** Gateway "Approved?": whether the decision under review has a recorded second approval. */
    public boolean secondApprovalGiven(Object holdId) {
        long id = id(holdId);
        return decisions
                .latest(id)
                .flatMap(d -> approvals.secondApprovalOf(id, d.recordId()))
                .isPresent();
    }

    /** A user with the groups Camunda's identity service knows for them. */
    public Actor actor(String userId) {
        Set<String> groups = new HashSet<>();
        for (Group g : identity.createGroupQuery().groupMember(userId).list()) {
            groups.add(g.getId());
        }
        return new Actor(userId, groups);
    }

    /** Who carries a decision out: its second approver when it has one, else its reviewer. */
    public Actor approverOf(HoldDecision d) {
        return approvals
                .secondApprovalOf(d.holdId(), d.recordId())
                .map(a -> actor(a.decidedBy()))
                .orElseGet(() -> actor(d.decidedBy()));
    }

    static long id(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        return Long.parseLong(String.valueOf(v));
    }

    static Long optionalLong(Object v, String field) {
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        if (v instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue())) {
                throw DomainException.unprocessable(
                        "HOLD_DECISION_INVALID",
                        "The " + field + " quantity is a whole number of base units; got " + v + ".",
                        Map.of());
            }
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw DomainException.unprocessable(
                    "HOLD_DECISION_INVALID",
                    "The " + field + " quantity is a whole number of base units; got '" + v + "'.",
                    Map.of());
        }
    }
}
