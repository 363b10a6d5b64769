package org.lotledger.quality.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.platform.camunda.SignedInUser;
import org.lotledger.platform.security.Groups;
import org.lotledger.quality.HoldDecision;
import org.lotledger.quality.HoldDecisionRecords;
import org.lotledger.quality.HoldWarehouseMoves;
import org.springframework.stereotype.Component;

/**
 * "Move held stock" (one task per warehouse move, a parallel multi-instance over {@code warehouseMoveIds}). On
 * create: what to move from where to where, as task-local variables, and empty local scan fields (so parallel tasks
 * never share them). On complete: the worker's scans confirm the move and it is posted ({@link HoldWarehouseMoves}),
 * in the name of the QA approver whose decision it carries out.
 */
@Component("moveHeldStockListener")
public class MoveHeldStockListener implements TaskListener {

    private final HoldWarehouseMoves moves;
    private final HoldDecisionRecords decisions;
    private final HoldProcess process;
    private final SignedInUser signedIn;

    public MoveHeldStockListener(
            HoldWarehouseMoves moves, HoldDecisionRecords decisions, HoldProcess process, SignedInUser signedIn) {
        this.moves = moves;
        this.decisions = decisions;
        this.process = process;
        this.signedIn = signedIn;
    }

    @Override
    public void notify(DelegateTask task) {
        long moveId = HoldProcess.id(task.getVariable("warehouseMoveId"));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            HoldWarehouseMoves.WarehouseMove m = moves.get(moveId);
            task.setVariableLocal(
                    "moveKind", m.disposition() == HoldDecision.Disposition.SCRAP ? "Scrap" : "Return to vendor");
            task.setVariableLocal("moveLot", m.lotLabel() + " (" + m.lotNumber() + ")");
            task.setVariableLocal("moveQuantity", m.quantity());
            task.setVariableLocal("moveFrom", m.fromLocationCode());
            task.setVariableLocal("moveTo", m.toLocationCode());
            task.setVariableLocal("locationToScan", m.locationToScan());
            task.setVariableLocal("scannedLot", null);
            task.setVariableLocal("scannedLocation", null);
            return;
        }
        Actor worker = HoldReviewListener.signedIn(signedIn, process, task, "warehouse worker");
        if (!worker.isIn(Groups.WAREHOUSE) && !worker.isIn(Groups.QUALITY) && !worker.isIn(Groups.QUALITY_MANAGERS)) {
            throw new DomainException(
                    "MOVE_NOT_ALLOWED",
                    DomainException.Kind.FORBIDDEN,
                    "Only the warehouse (or quality) moves held stock; " + worker.userId() + " may not.");
        }
        HoldWarehouseMoves.WarehouseMove m = moves.get(moveId);
        Actor approver = process.approverOf(decisions.byRecord(m.holdId(), m.decisionRecordId()));
        moves.confirm(
                moveId,
                HoldReviewListener.str(task.getVariable("scannedLot")),
                HoldReviewListener.str(task.getVariable("scannedLocation")),
                worker,
                approver);
    }
}
