package org.lotledger.fulfillment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.lotledger.fulfillment.shipping.ShipmentView;
import org.lotledger.fulfillment.shipping.Shipping;
import org.lotledger.platform.security.CurrentActor;
import org.lotledger.platform.web.IdempotencyKey;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shipments (issue 9 §7): opened over what is staged for an order, dispatched by a scan of the staging location. */
@RestController
public class ShipmentController {

    /** Optional: nothing to say when opening a shipment today; an empty object or no body. */
    @Schema(name = "ShipmentOpening")
    public record Opening(@Size(max = 500) String note) {}

    /** The scanned barcode of a staging location of the shipment. */
    @Schema(name = "ShipmentDispatch")
    public record Dispatch(
            @NotBlank @Size(max = 60) @Pattern(regexp = "[\\x21-\\x7e]+")
            String stagingLocation) {}

    private final Shipping shipping;
    private final CurrentActor actor;

    public ShipmentController(Shipping shipping, CurrentActor actor) {
        this.shipping = shipping;
        this.actor = actor;
    }

    @PostMapping("/api/sales-orders/{id}/shipments")
    public ResponseEntity<ShipmentView> open(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody(required = false) Opening body) {
        ShipmentView opened = shipping.open(id, actor.get());
        return ResponseEntity.created(URI.create("/api/shipments/" + opened.id()))
                .body(opened);
    }

    @PostMapping("/api/shipments/{id}/dispatch")
    public ResponseEntity<ShipmentView> dispatch(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody Dispatch body) {
        return ResponseEntity.ok(shipping.dispatch(id, body.stagingLocation(), actor.get(), key.scoped()));
    }

    @GetMapping("/api/shipments/{id}")
    public ShipmentView get(@PathVariable long id) {
        return shipping.get(id);
    }

    /** Newest first; {@code warehouse} by id or code; {@code state} OPEN or DISPATCHED; {@code limit} 1 to 500. */
    @GetMapping("/api/shipments")
    public List<ShipmentView> list(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Long customer,
            @RequestParam(required = false) Long order,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return shipping.list(warehouse, customer, order, state, Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
    }
}
