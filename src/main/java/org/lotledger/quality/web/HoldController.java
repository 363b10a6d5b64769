package org.lotledger.quality.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.lotledger.platform.security.CurrentActor;
import org.lotledger.platform.web.IdempotencyKey;
import org.lotledger.quality.HoldDecision;
import org.lotledger.quality.HoldDecisionPolicy;
import org.lotledger.quality.HoldReason;
import org.lotledger.quality.HoldScope;
import org.lotledger.quality.HoldState;
import org.lotledger.quality.HoldView;
import org.lotledger.quality.PlacingHold;
import org.lotledger.quality.QualityHolds;
import org.lotledger.quality.process.WorkingHoldTasks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quality holds over HTTP (docs/quality-holds.md). Every write passes the door (platform.web.IdempotentWrites,
 * ADR 0009): placing again with the same key returns the first answer (200, {@code Idempotent-Replayed: true})
 * instead of a second hold.
 */
@RestController
@RequestMapping("/api/holds")
@Tag(name = "Quality holds", description = "Place, release, scrap and return held lots")
public class HoldController {

    public record PlaceRequest(
            @NotNull HoldScope scope,
            Long lotId,
            Long locationId,
            @NotNull HoldReason reason,
            @Size(max = 1000) String note) {}

    public record ReleaseRequest(@Size(max = 400) String note) {}

    public record LineRequest(
            @NotNull Long lotId,
            @NotNull Long locationId,
            @NotNull @Positive @Max(MAX_UNITS) Long quantity) {}

    public record ScrapRequest(
            @Size(max = 30) String reasonCode,
            @Size(max = 400) String note,
            @Size(max = 500) List<@Valid @NotNull LineRequest> lines) {}

    public record ReturnRequest(
            @Size(max = 400) String note, @Size(max = 500) List<@Valid @NotNull LineRequest> lines) {}

    public record DecisionRequest(
            @NotNull @Size(max = 30) String outcome,
            @PositiveOrZero @Max(MAX_UNITS) Long releaseQuantity,
            @PositiveOrZero @Max(MAX_UNITS) Long scrapQuantity,
            @PositiveOrZero @Max(MAX_UNITS) Long returnQuantity,
            @Size(max = 500) List<@Valid @NotNull PartRequest> parts,
            @Size(max = 30) String reasonCode,
            @Size(max = 400) String note) {}

    public record PartRequest(
            @NotNull Long lotId,
            @NotNull Long locationId,
            @NotNull @Positive @Max(MAX_UNITS) Long quantity,
            @NotNull HoldDecision.Disposition disposition) {}

    /** Hold quantities are whole base units, at most a trillion (the ledger's ceiling of one movement). */
    static final long MAX_UNITS = 1_000_000_000_000L;

    public record ApprovalRequest(
            @NotNull Boolean approve, @Size(max = 400) String note) {}

    public record ScanConfirmation(
            @NotNull @Size(max = 200) String lot,
            @NotNull @Size(max = 200) String location) {}

    private final PlacingHold placing;
    private final QualityHolds holds;
    private final WorkingHoldTasks work;
    private final CurrentActor actor;

    public HoldController(PlacingHold placing, QualityHolds holds, WorkingHoldTasks work, CurrentActor actor) {
        this.placing = placing;
        this.holds = holds;
        this.work = work;
        this.actor = actor;
    }

    @PostMapping
    @Operation(
            summary =
                    "Place a hold on a lot or a location: its AVAILABLE stock in every warehouse goes to HOLD, and its review starts")
    public ResponseEntity<WorkingHoldTasks.HoldProgress> place(IdempotencyKey key, @Valid @RequestBody PlaceRequest r) {
        PlacingHold.Placed placed = placing.place(
                new PlacingHold.HoldRequest(r.scope(), r.lotId(), r.locationId(), r.reason(), r.note()),
                actor.get(),
                key.scoped());
        WorkingHoldTasks.HoldProgress progress = work.progress(placed.hold().id());
        return ResponseEntity.created(URI.create("/api/holds/" + placed.hold().id()))
                .body(progress);
    }

    @GetMapping
    @Operation(summary = "Holds, newest first, by state, lot or location")
    public List<HoldView> list(
            @RequestParam(required = false) HoldState state,
            @RequestParam(required = false) Long lot,
            @RequestParam(required = false) Long location,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return holds.list(state, lot, location, Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
    }

    @GetMapping("/{id}")
    @Operation(
            summary =
                    "A hold with its movements, outcomes, what it still holds, its decisions and approvers, what it awaits, its warehouse moves and open tasks")
    public WorkingHoldTasks.HoldProgress get(@PathVariable long id) {
        return work.progress(id);
    }

    @PostMapping("/{id}/decision")
    @Operation(
            summary =
                    "Review the hold (completes 'Review hold' as the caller): RELEASE, SCRAP, RETURN_TO_VENDOR or SPLIT, by totals or by parts per lot and location")
    public ResponseEntity<WorkingHoldTasks.HoldProgress> decide(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody DecisionRequest r) {
        List<HoldDecision.Part> parts = r.parts() == null
                ? List.of()
                : r.parts().stream()
                        .map(p -> new HoldDecision.Part(p.lotId(), p.locationId(), p.quantity(), p.disposition()))
                        .toList();
        return answer(work.review(
                id,
                new HoldDecisionPolicy.Proposal(
                        r.outcome(),
                        r.releaseQuantity(),
                        r.scrapQuantity(),
                        r.returnQuantity(),
                        parts,
                        r.reasonCode(),
                        r.note(),
                        key.scoped()),
                actor.get(),
                key.scoped()));
    }

    @PostMapping("/{id}/release")
    @Operation(summary = "Review the hold with the decision 'release everything' (shorthand of /decision)")
    public ResponseEntity<WorkingHoldTasks.HoldProgress> release(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody(required = false) ReleaseRequest r) {
        return answer(work.review(
                id,
                new HoldDecisionPolicy.Proposal(
                        "RELEASE", null, null, null, List.of(), null, r == null ? null : r.note(), key.scoped()),
                actor.get(),
                key.scoped()));
    }

    @PostMapping("/{id}/scrap")
    @Operation(
            summary =
                    "Review the hold with the decision 'scrap' (all of it, or quantities per lot and location; shorthand of /decision)")
    public ResponseEntity<WorkingHoldTasks.HoldProgress> scrap(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody ScrapRequest r) {
        return answer(work.review(
                id,
                new HoldDecisionPolicy.Proposal(
                        "SCRAP",
                        null,
                        null,
                        null,
                        parts(r.lines(), HoldDecision.Disposition.SCRAP),
                        r.reasonCode(),
                        r.note(),
                        key.scoped()),
                actor.get(),
                key.scoped()));
    }

    @PostMapping("/{id}/return-to-vendor")
    @Operation(
            summary =
                    "Review the hold with the decision 'return to vendor' (all, or quantities per lot and location; shorthand of /decision)")
    public ResponseEntity<WorkingHoldTasks.HoldProgress> returnToVendor(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody ReturnRequest r) {
        return answer(work.review(
                id,
                new HoldDecisionPolicy.Proposal(
                        "RETURN_TO_VENDOR",
                        null,
                        null,
                        null,
                        parts(r.lines(), HoldDecision.Disposition.RETURN_TO_VENDOR),
                        null,
                        r.note(),
                        key.scoped()),
                actor.get(),
                key.scoped()));
    }

    @PostMapping("/{id}/approval")
    @Operation(
            summary =
                    "Second approval of the decision under review (completes 'Approve hold decision' as the caller): a quality manager other than the reviewer")
    public ResponseEntity<WorkingHoldTasks.HoldProgress> approve(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody ApprovalRequest r) {
        return answer(work.answer(id, r.approve(), r.note(), actor.get(), key.scoped()));
    }

    @PostMapping("/{id}/warehouse-moves/{moveId}/confirmation")
    @Operation(
            summary =
                    "Confirm a scrap or return-to-vendor move by the scanned lot and location (completes its 'Move held stock' task); the ledger posting is made now")
    public ResponseEntity<WorkingHoldTasks.HoldProgress> confirmMove(
            @PathVariable long id, @PathVariable long moveId, @Valid @RequestBody ScanConfirmation r) {
        return answer(work.confirmMove(id, moveId, r.lot(), r.location(), actor.get()));
    }

    /** 200 when the decision is carried out, 202 while it awaits a second approval or warehouse moves. */
    private static ResponseEntity<WorkingHoldTasks.HoldProgress> answer(WorkingHoldTasks.Worked w) {
        String awaiting = w.progress().awaiting();
        boolean pending = "SECOND_APPROVAL".equals(awaiting) || "WAREHOUSE_MOVES".equals(awaiting);
        return ResponseEntity.status(pending ? 202 : 200).body(w.progress());
    }

    private static List<HoldDecision.Part> parts(List<LineRequest> lines, HoldDecision.Disposition d) {
        return lines == null
                ? List.of()
                : lines.stream()
                        .map(l -> new HoldDecision.Part(l.lotId(), l.locationId(), l.quantity(), d))
                        .toList();
    }
}
