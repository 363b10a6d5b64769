package org.lotledger.receiving.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.lotledger.platform.security.CurrentActor;
import org.lotledger.platform.web.IdempotencyKey;
import org.lotledger.receiving.ClosingAndReversingReceipts;
import org.lotledger.receiving.OpeningReceipts;
import org.lotledger.receiving.ReceiptView;
import org.lotledger.receiving.Receipts;
import org.lotledger.receiving.ReceiveLine;
import org.lotledger.receiving.ReceivingGoods;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receipts over HTTP (docs/receiving.md). Who may call what is the security family "receiving" (docs/security.md):
 * receiving and receiving-supervisors write, supervisors alone reverse lines and close PO lines short.
 */
@RestController
@RequestMapping("/api/receipts")
public class ReceiptController {

    public record OpenReceipt(
            @NotNull Long purchaseOrderId,
            @NotBlank @Size(max = 60) String dockBarcode,
            Long advanceShipNoticeId) {}

    public record Reversal(
            @Size(max = 30) String reasonCode,
            @Size(max = 500) String note) {}

    private final OpeningReceipts opening;
    private final ReceivingGoods receiving;
    private final ClosingAndReversingReceipts closing;
    private final Receipts receipts;
    private final CurrentActor actor;

    public ReceiptController(
            OpeningReceipts opening,
            ReceivingGoods receiving,
            ClosingAndReversingReceipts closing,
            Receipts receipts,
            CurrentActor actor) {
        this.opening = opening;
        this.receiving = receiving;
        this.closing = closing;
        this.receipts = receipts;
        this.actor = actor;
    }

    @PostMapping
    public ResponseEntity<ReceiptView> open(@Valid @RequestBody OpenReceipt r) {
        ReceiptView v = opening.open(r.purchaseOrderId(), r.dockBarcode(), r.advanceShipNoticeId(), actor.get());
        return ResponseEntity.created(URI.create("/api/receipts/" + v.id())).body(v);
    }

    @GetMapping
    public List<ReceiptView> list(
            @RequestParam(required = false) Long purchaseOrder, @RequestParam(required = false) String status) {
        return receipts.list(
                purchaseOrder, status == null ? null : status.trim().toUpperCase());
    }

    @GetMapping("/{id}")
    public ReceiptView get(@PathVariable long id) {
        return receipts.get(id);
    }

    /** A received lot, typed or {@code {"scan": "<GS1 element string>", "quantity": …}}; needs an Idempotency-Key. */
    @PostMapping("/{id}/lines")
    public ResponseEntity<ReceiptView.Line> receive(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody ReceiveLine line) {
        ReceiptView.Line l = receiving.receive(id, line, actor.get(), key.scoped());
        return ResponseEntity.created(URI.create("/api/receipts/" + id)).body(l);
    }

    @PostMapping("/{id}/lines/{lineId}/reversal")
    public ResponseEntity<ReceiptView.Line> reverse(
            IdempotencyKey key,
            @PathVariable long id,
            @PathVariable long lineId,
            @Valid @RequestBody(required = false) Reversal r) {
        return ResponseEntity.ok(closing.reverseLine(
                id, lineId, r == null ? null : r.reasonCode(), r == null ? null : r.note(), actor.get(), key.scoped()));
    }

    @PostMapping("/{id}/purchase-order-lines/{poLineId}/close-short")
    public ResponseEntity<PurchaseOrderLineClosedShort> closeShort(@PathVariable long id, @PathVariable long poLineId) {
        return ResponseEntity.ok(
                new PurchaseOrderLineClosedShort(poLineId, closing.closeShort(id, poLineId, actor.get())));
    }

    /** A purchase-order line closed short: its new status. */
    @io.swagger.v3.oas.annotations.media.Schema(requiredProperties = {"purchaseOrderLineId", "status"})
    public record PurchaseOrderLineClosedShort(
            long purchaseOrderLineId, org.lotledger.purchasing.PurchaseOrderLineStatus status) {}

    @PostMapping("/{id}/close")
    public ResponseEntity<ReceiptView> close(@PathVariable long id) {
        return ResponseEntity.ok(closing.close(id, actor.get()));
    }
}
