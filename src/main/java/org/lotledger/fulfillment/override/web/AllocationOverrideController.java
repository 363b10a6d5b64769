package org.lotledger.fulfillment.override.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.lotledger.fulfillment.override.AllocationOverrideRequest;
import org.lotledger.fulfillment.override.AllocationOverrideView;
import org.lotledger.fulfillment.override.AllocationOverrides;
import org.lotledger.fulfillment.override.process.DecidingOverrides;
import org.lotledger.platform.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Allocation overrides (docs/fulfillment.md "Overrides"): asked for by the order's warehouse staff or operations,
 * decided by the group dmn/allocation-override-approval.dmn answers, through the process's task. Writes go through
 * the door (ADR 0009).
 */
@RestController
@RequestMapping("/api/allocation-overrides")
public class AllocationOverrideController {

    private final AllocationOverrides overrides;
    private final DecidingOverrides deciding;
    private final CurrentActor actor;

    public AllocationOverrideController(AllocationOverrides overrides, DecidingOverrides deciding, CurrentActor actor) {
        this.overrides = overrides;
        this.deciding = deciding;
        this.actor = actor;
    }

    /** 201 with the override: APPLIED when no approval is needed, else REQUESTED (the approval task is open). */
    @PostMapping
    public ResponseEntity<AllocationOverrideView> request(@Valid @RequestBody AllocationOverrideRequest body) {
        AllocationOverrideView o = overrides.request(body, actor.get());
        return ResponseEntity.created(URI.create("/api/allocation-overrides/" + o.id()))
                .body(o);
    }

    /** An approver's answer. */
    @Schema(name = "AllocationOverrideDecision")
    public record Decision(
            @NotNull @Pattern(regexp = "APPROVE|REJECT") String decision,

            @Size(max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*")
            String comment) {}

    @PostMapping("/{id}/decision")
    public ResponseEntity<AllocationOverrideView> decide(@PathVariable long id, @Valid @RequestBody Decision body) {
        return ResponseEntity.ok(deciding.decide(id, "APPROVE".equals(body.decision()), body.comment(), actor.get()));
    }

    @GetMapping("/{id}")
    public AllocationOverrideView get(@PathVariable long id) {
        return overrides.get(id);
    }

    /** Newest first; {@code order} (sales order id) and {@code state} filter; {@code limit} 1 to 500 (100). */
    @GetMapping
    public List<AllocationOverrideView> list(
            @RequestParam(required = false) Long order,
            @RequestParam(required = false) AllocationOverrideView.State state,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return overrides.list(order, state, Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
    }
}
