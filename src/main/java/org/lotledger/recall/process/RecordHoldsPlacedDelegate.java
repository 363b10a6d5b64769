package org.lotledger.recall.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotledger.recall.PlacingRecallHolds;
import org.springframework.stereotype.Component;

/** Task_RecordHoldsPlaced: every lot is held; the recall is HOLDS_PLACED and its notice list can be read. */
@Component("recordHoldsPlacedDelegate")
class RecordHoldsPlacedDelegate implements JavaDelegate {

    private final PlacingRecallHolds placing;

    RecordHoldsPlacedDelegate(PlacingRecallHolds placing) {
        this.placing = placing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        placing.allPlaced(ProductRecallProcess.id(execution.getVariable("recallId")));
    }
}
