package org.lotledger.quality.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.lotledger.platform.security.CurrentActor;
import org.lotledger.quality.HoldReason;
import org.lotledger.quality.HoldScope;
import org.lotledger.quality.HoldState;
import org.lotledger.quality.HoldView;
import org.lotledger.quality.PlacingHold;
import org.lotledger.quality.QualityHolds;
import org.lotledger.quality.ReleasingHold;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quality holds over HTTP (docs/quality-holds.md). Placing and deciding carry an {@code Idempotency-Key}: placing
 * again with the same key returns the hold (200, {@code Idempotent-Replayed: true}) instead of a second one.
 */
@RestController
@RequestMapping("/api/holds")
@Tag(name = "Quality holds", description = "Place, release, scrap and return held lots")
public class HoldController {

    public record PlaceRequest(@NotNull HoldScope scope, Long lotId, Long locationId, @NotNull HoldReason reason,
                               @Size(max = 1000) String note) {
    }

    public record ReleaseRequest(@Size(max = 400) String note) {
    }

    public record LineRequest(@NotNull Long lotId, @NotNull Long locationId, @NotNull @Positive Long quantity,
                              Long toLocationId) {
    }

    public record ScrapRequest(String reasonCode, @Size(max = 400) String note, List<@Valid LineRequest> lines) {
    }

    public record ReturnRequest(@Size(max = 400) String note, List<@Valid LineRequest> lines) {
    }

    private final PlacingHold placing;
    private final ReleasingHold releasing;
    private final QualityHolds holds;
    private final CurrentActor actor;

    public HoldController(PlacingHold placing, ReleasingHold releasing, QualityHolds holds, CurrentActor actor) {
        this.placing = placing;
        this.releasing = releasing;
        this.holds = holds;
        this.actor = actor;
    }

    @PostMapping
    @Operation(summary = "Place a hold on a lot or a location: its AVAILABLE stock in every warehouse goes to HOLD")
    public ResponseEntity<HoldView> place(@RequestHeader(value = "Idempotency-Key", required = false) String key,
                                          @Valid @RequestBody PlaceRequest r) {
        PlacingHold.Placed placed = placing.place(new PlacingHold.HoldRequest(r.scope(), r.lotId(), r.locationId(),
                r.reason(), r.note()), actor.get(), key);
        if (placed.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(placed.hold());
        }
        return ResponseEntity.created(URI.create("/api/holds/" + placed.hold().id())).body(placed.hold());
    }

    @GetMapping
    @Operation(summary = "Holds, newest first, by state, lot or location")
    public List<HoldView> list(@RequestParam(required = false) HoldState state, @RequestParam(required = false) Long lot,
                               @RequestParam(required = false) Long location,
                               @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return holds.list(state, lot, location, Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A hold with its movements, outcomes, what it still holds, its decisions and approvers")
    public HoldView get(@PathVariable long id) {
        return holds.view(id);
    }

    @PostMapping("/{id}/release")
    @Operation(summary = "Release: what this hold moved and is still HOLD goes back to AVAILABLE, unless another open hold covers it")
    public HoldView release(@RequestHeader(value = "Idempotency-Key", required = false) String key, @PathVariable long id,
                            @Valid @RequestBody(required = false) ReleaseRequest r) {
        return releasing.release(id, r == null ? null : r.note(), actor.get(), key);
    }

    @PostMapping("/{id}/scrap")
    @Operation(summary = "Scrap held stock (all of it, or quantities per lot and location) with a reason code")
    public HoldView scrap(@RequestHeader(value = "Idempotency-Key", required = false) String key, @PathVariable long id,
                          @Valid @RequestBody ScrapRequest r) {
        return releasing.scrap(id, lines(r.lines()), r.reasonCode(), r.note(), actor.get(), key);
    }

    @PostMapping("/{id}/return-to-vendor")
    @Operation(summary = "Stage held stock for return to vendor in a reject-staging location (all, or quantities per lot and location)")
    public HoldView returnToVendor(@RequestHeader(value = "Idempotency-Key", required = false) String key,
                                   @PathVariable long id, @Valid @RequestBody ReturnRequest r) {
        return releasing.returnToVendor(id, lines(r.lines()), r.note(), actor.get(), key);
    }

    private static List<ReleasingHold.Line> lines(List<LineRequest> lines) {
        return lines == null ? List.of() : lines.stream()
                .map(l -> new ReleasingHold.Line(l.lotId(), l.locationId(), l.quantity(), l.toLocationId())).toList();
    }
}
