package org.lotledger.transfers.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.picking.PickTaskView;
import org.lotledger.fulfillment.picking.PickTasks;
import org.lotledger.fulfillment.shipping.PackingLists;
import org.lotledger.platform.security.CurrentActor;
import org.lotledger.platform.web.IdempotencyKey;
import org.lotledger.transfers.AllocatingTransfers;
import org.lotledger.transfers.DispatchingTransfers;
import org.lotledger.transfers.OrderingTransfers;
import org.lotledger.transfers.TransferAllocationView;
import org.lotledger.transfers.TransferDispatch;
import org.lotledger.transfers.TransferOrderDraft;
import org.lotledger.transfers.TransferOrderView;
import org.lotledger.transfers.TransferPackingLists;
import org.lotledger.transfers.TransferQueries;
import org.lotledger.transfers.TransferStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Transfer orders (issue 10 §1–§2): placed by operations or the ERP, allocated and picked like sales orders,
 * dispatched by scan at the origin, their packing list. Every write goes through the door (ADR 0009).
 */
@RestController
public class TransferOrderController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** A reason to cancel, optional. */
    @Schema(name = "TransferOrderCancellation")
    public record Cancellation(@Size(max = 500) String reason) {}

    private final OrderingTransfers ordering;
    private final TransferQueries queries;
    private final AllocatingTransfers allocating;
    private final PickTasks pickTasks;
    private final DispatchingTransfers dispatching;
    private final TransferPackingLists packingLists;
    private final CurrentActor actor;

    public TransferOrderController(
            OrderingTransfers ordering,
            TransferQueries queries,
            AllocatingTransfers allocating,
            PickTasks pickTasks,
            DispatchingTransfers dispatching,
            TransferPackingLists packingLists,
            CurrentActor actor) {
        this.ordering = ordering;
        this.queries = queries;
        this.allocating = allocating;
        this.pickTasks = pickTasks;
        this.dispatching = dispatching;
        this.packingLists = packingLists;
        this.actor = actor;
    }

    @PostMapping("/api/transfer-orders")
    public ResponseEntity<TransferOrderView> place(@Valid @RequestBody TransferOrderDraft draft) {
        TransferOrderView placed = ordering.place(draft, actor.get());
        return ResponseEntity.created(URI.create("/api/transfer-orders/" + placed.id()))
                .body(placed);
    }

    /** Newest first; {@code warehouse} (id or code) as origin or destination; {@code limit} 1 to 500. */
    @GetMapping("/api/transfer-orders")
    public List<TransferOrderView> list(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) TransferStatus status,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        if (warehouse != null && warehouse.length() > 20) {
            throw new DomainException(
                    "INVALID_VALUE",
                    DomainException.Kind.BAD_REQUEST,
                    "warehouse has at most 20 characters.",
                    Map.of("parameter", "warehouse"));
        }
        return queries.list(warehouse, status, Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
    }

    @GetMapping("/api/transfer-orders/{id}")
    public TransferOrderView get(@PathVariable long id) {
        return queries.get(id);
    }

    @PostMapping("/api/transfer-orders/{id}/cancel")
    public ResponseEntity<TransferOrderView> cancel(
            @PathVariable long id, @Valid @RequestBody(required = false) Cancellation body) {
        return ResponseEntity.ok(ordering.cancel(id, body == null ? null : body.reason(), actor.get()));
    }

    @PostMapping("/api/transfer-orders/{id}/lines/{lineId}/cancel")
    public ResponseEntity<TransferOrderView> cancelLine(
            @PathVariable long id, @PathVariable long lineId, @Valid @RequestBody(required = false) Cancellation body) {
        return ResponseEntity.ok(ordering.cancelLine(id, lineId, body == null ? null : body.reason(), actor.get()));
    }

    @PostMapping("/api/transfer-orders/{id}/allocation")
    public ResponseEntity<TransferAllocationView> allocate(@PathVariable long id) {
        return ResponseEntity.ok(allocating.allocate(id, actor.get()));
    }

    @GetMapping("/api/transfer-orders/{id}/allocation")
    public TransferAllocationView allocation(@PathVariable long id) {
        return allocating.get(id);
    }

    /** A pick task over the transfer's reservations in the origin (fulfilment's pick tasks, 201 + Location). */
    @PostMapping("/api/transfer-orders/{id}/pick-tasks")
    public ResponseEntity<PickTaskView> pickTask(@PathVariable long id) {
        PickTaskView task = pickTasks.create(AllocatingTransfers.DEMAND_TYPE, id, actor.get());
        return ResponseEntity.created(URI.create("/api/pick-tasks/" + task.id()))
                .body(task);
    }

    @PostMapping("/api/transfer-orders/{id}/dispatch")
    public ResponseEntity<TransferOrderView> dispatch(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody TransferDispatch body) {
        return ResponseEntity.ok(dispatching.dispatch(id, body, actor.get(), key.scoped()));
    }

    /** JSON, or CSV (RFC 4180) with {@code Accept: text/csv} or {@code ?format=csv}: the customers' format. */
    @GetMapping("/api/transfer-orders/{id}/packing-list")
    public ResponseEntity<?> packingList(
            @PathVariable long id,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        PackingLists.PackingList p = packingLists.of(id);
        if (!csv(format, accept)) {
            return ResponseEntity.ok(p);
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"packing-list-" + p.shipmentNumber() + ".csv\"")
                .body(packingLists.csv(p));
    }

    private static boolean csv(String format, String accept) {
        if (format != null) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw new DomainException(
                    "INVALID_FORMAT",
                    DomainException.Kind.BAD_REQUEST,
                    "format is json or csv, not " + format + ".",
                    Map.of("format", format));
        }
        return accept != null && accept.toLowerCase().contains("text/csv");
    }
}
