package org.lotledger.transfers.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotledger.common.DomainException;
import org.lotledger.evidence.DecisionRecords;
import org.lotledger.platform.camunda.ProcessPostings;
import org.lotledger.transfers.ResolvingTransferDiscrepancies;
import org.springframework.stereotype.Component;

/**
 * "Post follow-up": posts the decided outcome through the ledger in the name of the user who confirmed the follow-up
 * (read from the decision records of this discrepancy, never from a variable), in the engine's transaction, which is
 * the confirmation's: the user learns at once if the ledger refuses, and nothing is posted then. The key derives from
 * the instance, the activity and the discrepancy.
 */
@Component("postTransferFollowUpDelegate")
public class PostTransferFollowUpDelegate implements JavaDelegate {

    private final ResolvingTransferDiscrepancies resolving;
    private final InterWarehouseTransferProcess process;
    private final DecisionRecords decisions;
    private final ProcessPostings postings;

    public PostTransferFollowUpDelegate(
            ResolvingTransferDiscrepancies resolving,
            InterWarehouseTransferProcess process,
            DecisionRecords decisions,
            ProcessPostings postings) {
        this.resolving = resolving;
        this.process = process;
        this.decisions = decisions;
        this.postings = postings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long discrepancyId = InterWarehouseTransferProcess.id(execution.getVariable("discrepancyId"));
        List<DecisionRecords.SubjectDecision> confirmed =
                decisions.forSubject(InterWarehouseTransferProcess.FOLLOW_UP_SUBJECT, String.valueOf(discrepancyId));
        if (confirmed.isEmpty()) {
            throw DomainException.unprocessable(
                    "NO_DECISION_RECORDED",
                    "The follow-up of discrepancy " + discrepancyId + " has no recorded confirmation.",
                    Map.of("discrepancyId", discrepancyId));
        }
        DecisionRecords.SubjectDecision last = confirmed.get(confirmed.size() - 1);
        List<Long> posted = resolving.post(
                discrepancyId,
                process.actor(last.decidedBy()),
                postings.idempotencyKey(execution, "discrepancy-" + discrepancyId),
                execution.getProcessInstanceId(),
                last.taskId());
        execution.setVariableLocal("followUpPostingIds", InterWarehouseTransferProcess.ids(posted));
        if (resolving.moreFollowUps(discrepancyId)) {
            // the next posting of the outcome, for its own group (WRONG_LOT: the transfer-out after the reversal)
            execution.setVariable("followUpGroup", resolving.posterGroup(discrepancyId));
            execution.setVariable("followUpName", resolving.followUpName(discrepancyId));
        }
    }
}
