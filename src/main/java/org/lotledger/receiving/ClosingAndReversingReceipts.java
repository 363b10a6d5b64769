package org.lotledger.receiving;

import java.util.Map;
import org.lotledger.catalog.reason.ReasonCodeNames;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingExecutor;
import org.lotledger.ledger.ReversingPostings;
import org.lotledger.platform.security.Groups;
import org.lotledger.purchasing.PurchaseOrderLine;
import org.lotledger.purchasing.PurchaseOrderLineStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The three things done to a receipt after its lots came in (docs/receiving.md): closing it (the ASN's discrepancies
 * are stored, {@link ReceiptClosed}), closing one of its purchase-order lines short (a supervisor accepts less than
 * ordered), and reversing one of its lines (a mistyped lot: a reversing posting, the PO line reopened,
 * {@link ReceiptLineReversed}).
 */
@Service
public class ClosingAndReversingReceipts {

    static final String DEFAULT_REVERSAL_REASON = ReasonCodeNames.DATA_ENTRY_ERROR;

    private final PostingExecutor executor;
    private final Receipts receipts;
    private final ReceivedQuantities quantities;
    private final AsnOfReceipt asn;
    private final ReversingPostings reversing;
    private final ApplicationEventPublisher events;

    ClosingAndReversingReceipts(
            PostingExecutor executor,
            Receipts receipts,
            ReceivedQuantities quantities,
            AsnOfReceipt asn,
            ReversingPostings reversing,
            ApplicationEventPublisher events) {
        this.executor = executor;
        this.receipts = receipts;
        this.quantities = quantities;
        this.asn = asn;
        this.reversing = reversing;
        this.events = events;
    }

    // ---- reverse a line (a mistyped lot)
    // -----------------------------------------------------------------------------

    public ReceiptView.Line reverseLine(
            long receiptId, long lineId, String reasonCode, String note, Actor actor, String idempotencyKey) {
        executor.inTransaction(() -> {
            Receipts.LineRow row = receipts.lockLine(receiptId, lineId);
            if (row.reversalPostingId() != null) {
                throw DomainException.conflict(
                        "RECEIPT_LINE_ALREADY_REVERSED",
                        "Receipt line " + lineId + " was already reversed by posting " + row.reversalPostingId(),
                        Map.of("receiptLineId", lineId, "reversalPostingId", row.reversalPostingId()));
            }
            PurchaseOrderLine line = quantities.lock(row.purchaseOrderLineId());
            Posting reversal = reversing.reverse(
                    row.postingId(),
                    reasonCode == null || reasonCode.isBlank() ? DEFAULT_REVERSAL_REASON : reasonCode,
                    note,
                    actor,
                    idempotencyKey);
            quantities.reversed(line, row.baseQuantity());
            receipts.markReversed(lineId, reversal.id(), actor.userId());
            events.publishEvent(new ReceiptLineReversed(receiptId, lineId, row.lotId(), reversal.id()));
            return reversal;
        });
        return receipts.get(receiptId).lines().stream()
                .filter(l -> l.id() == lineId)
                .findFirst()
                .orElseThrow();
    }

    // ---- close a PO line short -------------------------------------------------------------------------------------

    public PurchaseOrderLineStatus closeShort(long receiptId, long purchaseOrderLineId, Actor actor) {
        if (!actor.isIn(Groups.RECEIVING_SUPERVISORS)) {
            throw new DomainException(
                    "CLOSE_SHORT_NOT_ALLOWED",
                    DomainException.Kind.FORBIDDEN,
                    "Only a receiving supervisor closes a purchase-order line short");
        }
        return executor.inTransaction(() -> {
            Receipts.Header receipt = receipts.lock(receiptId, false);
            PurchaseOrderLine line = quantities.lock(purchaseOrderLineId);
            if (line.getPurchaseOrderId() != receipt.purchaseOrderId()) {
                throw DomainException.unprocessable(
                        "PO_LINE_NOT_ON_PURCHASE_ORDER",
                        "Line " + purchaseOrderLineId + " is not a line of the receipt's purchase order",
                        Map.of("purchaseOrderLineId", purchaseOrderLineId));
            }
            quantities.closeShort(line);
            return line.getStatus();
        });
    }

    // ---- close the receipt -----------------------------------------------------------------------------------------

    public ReceiptView close(long receiptId, Actor actor) {
        executor.inTransaction(() -> {
            Receipts.Header receipt = receipts.lock(receiptId, true);
            if (!receipt.open()) {
                throw DomainException.conflict(
                        "RECEIPT_CLOSED",
                        "Receipt " + receiptId + " is already closed",
                        Map.of("receiptId", receiptId));
            }
            asn.closing(receipt);
            receipts.close(receiptId, actor.userId());
            events.publishEvent(new ReceiptClosed(receiptId));
            return receiptId;
        });
        return receipts.get(receiptId);
    }
}
