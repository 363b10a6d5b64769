package org.lotledger.transfers.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.evidence.DecisionRecords;
import org.lotledger.platform.camunda.SignedInUser;
import org.lotledger.transfers.ResolvingTransferDiscrepancies;
import org.springframework.stereotype.Component;

/**
 * The follow-up task ("Write off …", "Reverse transfer-out …"), on complete: the signed-in user confirms by a click
 * ({@code followUpConfirmed}); they must be allowed the posting type and work where it is posted
 * ({@link ResolvingTransferDiscrepancies#requirePoster}: POSTING_TYPE_NOT_ALLOWED, NOT_WAREHOUSE_STAFF), checked
 * before anything is written. Their confirmation is recorded as evidence per discrepancy; the next step posts in
 * their name.
 */
@Component("confirmTransferPostingListener")
public class ConfirmTransferPostingListener implements TaskListener {

    private final ResolvingTransferDiscrepancies resolving;
    private final InterWarehouseTransferProcess process;
    private final SignedInUser signedIn;
    private final DecisionRecords decisions;

    public ConfirmTransferPostingListener(
            ResolvingTransferDiscrepancies resolving,
            InterWarehouseTransferProcess process,
            SignedInUser signedIn,
            DecisionRecords decisions) {
        this.resolving = resolving;
        this.process = process;
        this.signedIn = signedIn;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        Actor actor = process.actor(signedIn.of(task, "poster"));
        long discrepancyId = InterWarehouseTransferProcess.id(task.getVariable("discrepancyId"));
        Object confirmed = task.getVariable("followUpConfirmed");
        if (!Boolean.TRUE.equals(confirmed) && !"true".equals(String.valueOf(confirmed))) {
            throw DomainException.unprocessable(
                    "FOLLOW_UP_NOT_CONFIRMED",
                    "Confirm the posting before completing '" + task.getName() + "'.",
                    Map.of("discrepancyId", discrepancyId));
        }
        resolving.requirePoster(discrepancyId, actor);
        decisions.record(
                task.getProcessInstanceId(),
                task.getTaskDefinitionKey(),
                task.getId(),
                InterWarehouseTransferProcess.FOLLOW_UP_SUBJECT,
                String.valueOf(discrepancyId),
                "POST",
                Map.of("taskName", task.getName()),
                actor.userId());
    }
}
