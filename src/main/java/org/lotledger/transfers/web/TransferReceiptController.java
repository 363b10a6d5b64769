package org.lotledger.transfers.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.lotledger.common.DomainException;
import org.lotledger.platform.security.CurrentActor;
import org.lotledger.platform.web.IdempotencyKey;
import org.lotledger.transfers.ReceivingTransfers;
import org.lotledger.transfers.TransferReceiptScan;
import org.lotledger.transfers.TransferReceiptView;
import org.lotledger.transfers.TransfersInTransit;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The receipt of a transfer at its destination (issue 10 §3): one request per scan, the close, the receipt so far;
 * and what is in transit between the warehouses. Every write goes through the door (ADR 0009).
 */
@RestController
public class TransferReceiptController {

    private final ReceivingTransfers receiving;
    private final TransfersInTransit inTransit;
    private final CurrentActor actor;

    public TransferReceiptController(ReceivingTransfers receiving, TransfersInTransit inTransit, CurrentActor actor) {
        this.receiving = receiving;
        this.inTransit = inTransit;
        this.actor = actor;
    }

    /** 201 with what was received (Location: the receipt); 409 NOT_IN_TRANSIT when nothing of it could be posted. */
    @PostMapping("/api/transfer-orders/{id}/receipts")
    public ResponseEntity<TransferReceiptView.Scanned> receive(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody TransferReceiptScan body) {
        TransferReceiptView.Scanned scanned = receiving.receive(id, body, actor.get(), key.scoped());
        return ResponseEntity.created(URI.create("/api/transfer-orders/" + id + "/receipts"))
                .body(scanned);
    }

    @PostMapping("/api/transfer-orders/{id}/receipts/close")
    public ResponseEntity<TransferReceiptView.Closed> close(@PathVariable long id) {
        return ResponseEntity.ok(receiving.close(id, actor.get()));
    }

    @GetMapping("/api/transfer-orders/{id}/receipts")
    public TransferReceiptView.Receipt receipt(@PathVariable long id) {
        return receiving.receipt(id);
    }

    /** Per transfer and lot what is still in transit; {@code warehouse} (id or code) as origin or destination. */
    @GetMapping("/api/in-transit")
    public List<TransferReceiptView.InTransit> inTransit(
            @RequestParam(required = false) String warehouse, @RequestParam(required = false) Boolean overdue) {
        if (warehouse != null && warehouse.length() > 20) {
            throw new DomainException(
                    "INVALID_VALUE",
                    DomainException.Kind.BAD_REQUEST,
                    "warehouse has at most 20 characters.",
                    Map.of("parameter", "warehouse"));
        }
        return inTransit.list(warehouse, overdue);
    }
}
