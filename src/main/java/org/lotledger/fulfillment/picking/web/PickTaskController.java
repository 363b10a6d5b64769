package org.lotledger.fulfillment.picking.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.lotledger.fulfillment.picking.ConfirmingPicks;
import org.lotledger.fulfillment.picking.PickConfirmation;
import org.lotledger.fulfillment.picking.PickException;
import org.lotledger.fulfillment.picking.PickTaskState;
import org.lotledger.fulfillment.picking.PickTaskView;
import org.lotledger.fulfillment.picking.PickTasks;
import org.lotledger.platform.security.CurrentActor;
import org.lotledger.platform.web.IdempotencyKey;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pick tasks: made per sales order (operations, or the warehouse staff of the order's warehouse), listed for the
 * warehouses the caller works at, claimed, released and confirmed line by line by scan. Every write goes through
 * the door (ADR 0009): a replayed confirmation answers the original.
 */
@RestController
public class PickTaskController {

    private final PickTasks tasks;
    private final ConfirmingPicks confirming;
    private final CurrentActor actor;

    public PickTaskController(PickTasks tasks, ConfirmingPicks confirming, CurrentActor actor) {
        this.tasks = tasks;
        this.confirming = confirming;
        this.actor = actor;
    }

    /** 201: a task over the order's reservations not yet on one (409 NOTHING_TO_PICK when there are none). */
    @PostMapping("/api/sales-orders/{id}/pick-tasks")
    public ResponseEntity<PickTaskView> create(@PathVariable long id) {
        PickTaskView task = tasks.create(id, actor.get());
        return ResponseEntity.created(URI.create("/api/pick-tasks/" + task.id()))
                .body(task);
    }

    /** The tasks of the caller's warehouses (all for operations and admin), newest first; limit 1 to 500. */
    @GetMapping("/api/pick-tasks")
    public List<PickTaskView> list(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) PickTaskState state,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return tasks.list(
                warehouse == null || warehouse.isBlank()
                        ? null
                        : warehouse.strip().toUpperCase(),
                state,
                actor.get(),
                Math.max(1, Math.min(limit, 500)),
                Math.max(0, offset));
    }

    @GetMapping("/api/pick-tasks/{id}")
    public PickTaskView get(@PathVariable long id) {
        return tasks.get(id, actor.get());
    }

    @PostMapping("/api/pick-tasks/{id}/claim")
    public ResponseEntity<PickTaskView> claim(@PathVariable long id) {
        return ResponseEntity.ok(tasks.claim(id, actor.get()));
    }

    @PostMapping("/api/pick-tasks/{id}/release")
    public ResponseEntity<PickTaskView> release(@PathVariable long id) {
        return ResponseEntity.ok(tasks.release(id, actor.get()));
    }

    /** The scan that confirms a line: posts PICK to the staging location (or records a short pick). */
    @PostMapping("/api/pick-tasks/{id}/lines/{lineId}/confirmation")
    public ResponseEntity<PickTaskView.Line> confirm(
            IdempotencyKey key,
            @PathVariable long id,
            @PathVariable long lineId,
            @Valid @RequestBody PickConfirmation body) {
        return ResponseEntity.ok(confirming.confirm(id, lineId, body, actor.get(), key.scoped()));
    }

    /** Short picks for cycle counting, of the caller's warehouses (all for operations, admin, inventory control). */
    @GetMapping("/api/pick-exceptions")
    public List<PickException> exceptions(@RequestParam(required = false) String warehouse) {
        return confirming.exceptions(
                warehouse == null || warehouse.isBlank()
                        ? null
                        : warehouse.strip().toUpperCase(),
                actor.get());
    }
}
