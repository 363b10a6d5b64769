package org.lotledger.recall.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.lotledger.platform.security.CurrentActor;
import org.lotledger.platform.web.IdempotencyKey;
import org.lotledger.recall.RecallAcknowledgements;
import org.lotledger.recall.RecallReconciliation;
import org.lotledger.recall.RecallReturns;
import org.lotledger.recall.RecallView;
import org.lotledger.recall.process.WorkingRecallTasks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A recall's follow-up (issue 11 §3): customers' acknowledgements, returns received by scan, the reconciliation and
 * the four-eyes closure. Every write goes through the door (ADR 0009). docs/recall.md, "Follow-up and close".
 */
@RestController
public class RecallFollowUpController {

    @Schema(name = "RecallAcknowledgementRequest")
    public record AcknowledgementRequest(
            @NotNull @Positive Long customerId,
            @Positive Long lotId,
            @NotNull Instant acknowledgedAt,

            @NotNull @Min(0) @Max(RecallAcknowledgements.QUANTITY_MAX)
            Long quantityAtCustomer,

            @NotNull @Min(0) @Max(RecallAcknowledgements.QUANTITY_MAX)
            Long quantityDestroyed,

            @NotNull Boolean returning) {

        RecallAcknowledgements.Request toRequest() {
            return new RecallAcknowledgements.Request(
                    customerId, lotId, acknowledgedAt, quantityAtCustomer, quantityDestroyed, returning);
        }
    }

    @Schema(name = "RecallReturnRequest")
    public record ReturnRequest(
            @NotNull @Positive Long customerId,

            @NotNull @Size(min = 1, max = RecallReturns.LABEL_MAX)
            String lotLabel,

            @NotNull @Min(1) @Max(RecallReturns.QUANTITY_MAX)
            Long quantity,

            @NotNull @Size(min = 1, max = RecallReturns.BARCODE_MAX)
            String location,

            @Size(max = RecallReturns.SHIPMENT_MAX) String shipmentNumber) {

        RecallReturns.Request toRequest() {
            return new RecallReturns.Request(customerId, lotLabel, quantity, location, shipmentNumber);
        }
    }

    @Schema(name = "RecallReconcileRequest")
    public record ReconcileRequest(
            @Size(max = RecallReconciliation.NOTE_MAX) String note) {}

    @Schema(name = "RecallClosureAnswer")
    public record ClosureAnswer(
            @NotNull Boolean approve,
            @Size(max = RecallReconciliation.NOTE_MAX) String note) {}

    private final RecallAcknowledgements acknowledgements;
    private final RecallReturns returns;
    private final RecallReconciliation reconciliation;
    private final WorkingRecallTasks tasks;
    private final CurrentActor actor;

    public RecallFollowUpController(
            RecallAcknowledgements acknowledgements,
            RecallReturns returns,
            RecallReconciliation reconciliation,
            WorkingRecallTasks tasks,
            CurrentActor actor) {
        this.acknowledgements = acknowledgements;
        this.returns = returns;
        this.reconciliation = reconciliation;
        this.tasks = tasks;
        this.actor = actor;
    }

    @PostMapping("/api/recalls/{id}/acknowledgements")
    @Operation(
            summary =
                    "Record a customer's acknowledgement of the recall notice (quality, quality managers, integration): per lot, when, still at the customer, destroyed there, returning")
    public ResponseEntity<RecallAcknowledgements.Acknowledged> acknowledge(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody AcknowledgementRequest r) {
        RecallAcknowledgements.Acknowledged a = acknowledgements.record(id, r.toRequest(), actor.get(), key.scoped());
        return ResponseEntity.created(URI.create("/api/recalls/" + id + "/acknowledgements/" + a.id()))
                .body(a);
    }

    @PostMapping("/api/recalls/{id}/returns")
    @Operation(
            summary =
                    "Receive a return against the recall by scan (receiving): RETURN from the customer into HOLD at a returns location, adopted by the recall's hold of the lot")
    public ResponseEntity<RecallReturns.RecallReturned> receive(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody ReturnRequest r) {
        RecallReturns.RecallReturned received = returns.receive(id, r.toRequest(), actor.get(), key.scoped());
        return ResponseEntity.created(URI.create(
                        "/api/recalls/" + id + "/returns/" + received.posting().postingId()))
                .body(received);
    }

    @GetMapping("/api/recalls/{id}/reconciliation")
    @Operation(
            summary =
                    "The reconciliation: per customer and lot shipped = returned + destroyed at customer + unaccounted, the company-side mass balance, stock still under the recall's holds")
    public RecallReconciliation.Reconciliation reconciliation(@PathVariable long id) {
        return reconciliation.of(id);
    }

    @PostMapping("/api/recalls/{id}/reconciliation")
    @Operation(summary = "Complete \"Reconcile recall\" (quality): the recall becomes RECONCILING, awaiting approval")
    public ResponseEntity<RecallView> reconcile(
            @PathVariable long id, @Valid @RequestBody(required = false) ReconcileRequest r) {
        return ResponseEntity.ok(tasks.reconcile(id, r == null ? null : r.note(), actor.get()));
    }

    @PostMapping("/api/recalls/{id}/closure")
    @Operation(
            summary =
                    "Answer \"Approve recall closure\" (quality managers, not the reconciler): approved, CLOSED; refused, back to reconciliation")
    public ResponseEntity<RecallView> closure(@PathVariable long id, @Valid @RequestBody ClosureAnswer r) {
        return ResponseEntity.ok(tasks.answerClosure(id, r.approve(), r.note(), actor.get()));
    }
}
