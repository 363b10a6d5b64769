package org.lotledger.quality.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.platform.camunda.DecisionTables;
import org.lotledger.platform.camunda.ProcessPostings;
import org.lotledger.quality.HoldApprovals;
import org.lotledger.quality.HoldDecision;
import org.lotledger.quality.HoldDecisionRecords;
import org.lotledger.quality.HoldLine;
import org.lotledger.quality.HoldWarehouseMoves;
import org.lotledger.quality.QualityHolds;
import org.lotledger.quality.ReleasingHold;
import org.springframework.stereotype.Component;

/**
 * Task_CarryOutHoldDecision, in the transaction of the task completion that led here (so the person who completed
 * it sees a refusal at once and nothing half-done remains). It carries out the decision as recorded — never as
 * process variables say — and checks the approvals again from the records: it asks holdSecondApproval itself, with
 * the hold's reason as stored, and a required second approval must be recorded, by a quality manager other than
 * the reviewer. Released parts are posted now; scrap and return-to-vendor parts become warehouse moves
 * ({@code warehouseMoveIds}) that are posted when the worker confirms them by scan.
 */
@Component("carryOutHoldDecisionDelegate")
public class CarryOutHoldDecisionDelegate implements JavaDelegate {

    private final HoldDecisionRecords decisions;
    private final HoldApprovals approvals;
    private final ReleasingHold releasing;
    private final HoldWarehouseMoves moves;
    private final QualityHolds holds;
    private final DecisionTables tables;
    private final HoldProcess process;

    public CarryOutHoldDecisionDelegate(
            HoldDecisionRecords decisions,
            HoldApprovals approvals,
            ReleasingHold releasing,
            HoldWarehouseMoves moves,
            QualityHolds holds,
            DecisionTables tables,
            HoldProcess process) {
        this.decisions = decisions;
        this.approvals = approvals;
        this.releasing = releasing;
        this.moves = moves;
        this.holds = holds;
        this.tables = tables;
        this.process = process;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long holdId = HoldProcess.id(execution.getVariable("holdId"));
        HoldDecision d = decisions
                .latest(holdId)
                .orElseThrow(() -> DomainException.conflict(
                        "NO_HOLD_DECISION",
                        "Hold " + holdId + " has no review decision to carry out.",
                        Map.of("holdId", holdId)));
        requireApprovals(holdId, d);
        Actor actor = process.approverOf(d);
        String key = ProcessPostings.idempotencyKey(
                execution.getProcessInstanceId(), execution.getCurrentActivityId(), "decision-" + d.recordId());
        List<HoldDecision.Part> release = d.partsOf(HoldDecision.Disposition.RELEASE);
        if (d.outcome() == HoldDecision.Outcome.RELEASE) {
            releasing.release(holdId, null, d.note(), actor, key);
        } else if (!release.isEmpty()) {
            releasing.release(
                    holdId,
                    release.stream()
                            .map(p -> new HoldLine(p.lotId(), p.locationId(), p.quantity(), null))
                            .toList(),
                    d.note(),
                    actor,
                    key);
        }
        // Task_DirectPutaway reads it: released stock is AVAILABLE where it was held (or HOLD again under another hold)
        execution.setVariable(
                "releasedStock",
                String.join(
                        ",",
                        d.partsOf(HoldDecision.Disposition.RELEASE).stream()
                                .map(p -> p.lotId() + "@" + p.locationId())
                                .distinct()
                                .toList()));
        List<Long> ids = new ArrayList<>(moves.create(d, execution.getProcessInstanceId()));
        execution.setVariable("warehouseMoveIds", ids);
        execution.setVariable("warehouseMovesDue", !ids.isEmpty());
    }

    private void requireApprovals(long holdId, HoldDecision d) {
        String reason = holds.reasonOf(holdId).name();
        Map<String, Object> answer = tables.evaluate(
                "holdSecondApproval",
                Map.of("holdReason", reason, "outcome", d.outcome().name()));
        if (!Boolean.TRUE.equals(answer.get("secondApprovalRequired"))) {
            return;
        }
        var second = approvals
                .secondApprovalOf(holdId, d.recordId())
                .orElseThrow(() -> new DomainException(
                        "SECOND_APPROVAL_MISSING",
                        DomainException.Kind.FORBIDDEN,
                        "Hold " + holdId + " (" + reason + ", " + d.outcome()
                                + ") needs a second approval by a quality manager before it is carried out.",
                        Map.of("holdId", holdId)));
        // the recorded approver, with the groups they have now: the same rule the approval task applied
        approvals.requireSecondApprover(holdId, d.decidedBy(), process.actor(second.decidedBy()));
    }
}
