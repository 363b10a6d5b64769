package org.lotledger.fulfillment.web;

import org.lotledger.fulfillment.AllocatingOrders;
import org.lotledger.fulfillment.AllocationView;
import org.lotledger.platform.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A sales order's allocation: POST allocates what is unallocated (through the door, ADR 0009; a no-op when every
 * line is covered), GET shows per line the reservations and the backorder by reason. 404 UNKNOWN_SALES_ORDER, 409
 * SALES_ORDER_NOT_OPEN for a shipped, closed or cancelled order.
 */
@RestController
@RequestMapping("/api/sales-orders/{id}/allocation")
public class AllocationController {

    private final AllocatingOrders allocating;
    private final CurrentActor actor;

    public AllocationController(AllocatingOrders allocating, CurrentActor actor) {
        this.allocating = allocating;
        this.actor = actor;
    }

    @PostMapping
    public ResponseEntity<AllocationView> allocate(@PathVariable long id) {
        return ResponseEntity.ok(allocating.allocate(id, actor.get()));
    }

    @GetMapping
    public AllocationView get(@PathVariable long id) {
        return allocating.get(id);
    }
}
