package org.lotledger.recall.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotledger.recall.PlacingRecallHolds;
import org.lotledger.recall.Recalls;
import org.springframework.stereotype.Component;

/**
 * Task_PlaceRecallHolds, one instance per lot in scope ({@code loopCounter}), each asyncBefore: its own job and
 * transaction, so a batch recall never holds the hold-decision lock for more than one lot at a time (ADR 0016).
 * Acts as the manager who started the recall.
 */
@Component("placeRecallHoldDelegate")
class PlaceRecallHoldDelegate implements JavaDelegate {

    private final PlacingRecallHolds placing;
    private final Recalls recalls;
    private final ProductRecallProcess process;

    PlaceRecallHoldDelegate(PlacingRecallHolds placing, Recalls recalls, ProductRecallProcess process) {
        this.placing = placing;
        this.recalls = recalls;
        this.process = process;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long recallId = ProductRecallProcess.id(execution.getVariable("recallId"));
        int index = (int) ProductRecallProcess.id(execution.getVariable("loopCounter"));
        placing.placeHold(recallId, index, process.actor(recalls.get(recallId).startedBy()));
    }
}
