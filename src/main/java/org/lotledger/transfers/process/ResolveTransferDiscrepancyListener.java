package org.lotledger.transfers.process;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotledger.common.Actor;
import org.lotledger.platform.camunda.SignedInUser;
import org.lotledger.transfers.ResolvingTransferDiscrepancies;
import org.lotledger.transfers.TransferOutcome;
import org.springframework.stereotype.Component;

/**
 * "Resolve transfer discrepancy", on complete: the signed-in user (never a form field), who must be in one of the
 * task's groups, decides; {@link ResolvingTransferDiscrepancies#decide} checks the outcome against the discrepancy's
 * type, a new deadline, "never left" against what was received, and records who, when and what (V93). A "still
 * coming" moves the transfer's deadline; a posting outcome names its follow-up task and who may do it. Whoever
 * completes the task, through Tasklist, the API or /engine-rest, passes here; a refusal leaves the task open.
 */
@Component("resolveTransferDiscrepancyListener")
public class ResolveTransferDiscrepancyListener implements TaskListener {

    private final ResolvingTransferDiscrepancies resolving;
    private final InterWarehouseTransferProcess process;
    private final SignedInUser signedIn;

    public ResolveTransferDiscrepancyListener(
            ResolvingTransferDiscrepancies resolving, InterWarehouseTransferProcess process, SignedInUser signedIn) {
        this.resolving = resolving;
        this.process = process;
        this.signedIn = signedIn;
    }

    @Override
    public void notify(DelegateTask task) {
        Actor actor = process.actor(signedIn.of(task, "receiving supervisor"));
        long discrepancyId = InterWarehouseTransferProcess.id(task.getVariable("discrepancyId"));
        Set<String> groups = new LinkedHashSet<>(
                Arrays.asList(String.valueOf(task.getVariable("resolverGroups")).split(",")));
        Object outcome = task.getVariable("resolutionOutcome");
        Instant deadline = ChaseOverdueTransferListener.parse(task.getVariable("resolutionDeadline"));
        Object note = task.getVariable("resolutionNote");
        TransferOutcome decided = resolving.decide(
                discrepancyId,
                outcome == null ? null : outcome.toString(),
                deadline,
                note == null ? null : note.toString(),
                groups,
                actor,
                task.getProcessInstanceId(),
                task.getId());
        DelegateExecution execution = task.getExecution();
        if (decided == TransferOutcome.STILL_COMING) {
            // the process waits for the rest until the latest deadline any supervisor gave
            Date current = (Date) execution.getVariable("overdueAt");
            if (current == null || current.toInstant().isBefore(deadline)) {
                execution.getProcessInstance().setVariable("overdueAt", Date.from(deadline));
            }
        }
        if (decided.followUp() == TransferOutcome.FollowUp.POSTING) {
            execution.setVariable("followUpGroup", resolving.posterGroup(discrepancyId));
            execution.setVariable("followUpName", resolving.followUpName(discrepancyId));
        }
    }
}
