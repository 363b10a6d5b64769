package org.lotledger.receiving;

import java.time.Clock;
import java.util.Optional;
import org.lotledger.catalog.lot.LotService;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.common.Actor;
import org.lotledger.ledger.PostingExecutor;
import org.lotledger.purchasing.PurchaseOrderLine;
import org.lotledger.receiving.ReceiptLinePolicy.Choice;
import org.lotledger.receiving.ReceiptLinePolicy.Scan;
import org.springframework.stereotype.Service;

/**
 * Receiving goods against a purchase order at a warehouse's receiving dock (docs/receiving.md): one received lot at
 * a time. Each lot is checked by {@link ReceiptLinePolicy} before anything is written, this service loading the
 * facts each of its steps needs ({@link ReceiptLineLookups}); then, in the same transaction,
 * {@link PostingReceivedLots} writes it (lot, RECEIPT posting, PO line, receipt line, {@link LotReceived}).
 * A refused line writes nothing. Opening a receipt is {@link OpeningReceipts}; closing it, closing a PO line short
 * and reversing a line are {@link ClosingAndReversingReceipts}.
 */
@Service
public class ReceivingGoods {

    private final PostingExecutor executor;
    private final Receipts receipts;
    private final ReceiptLineLookups lookups;
    private final LotService lots;
    private final PostingReceivedLots posting;
    private final ReceiptLinePolicy policy;

    ReceivingGoods(
            PostingExecutor executor,
            Receipts receipts,
            ReceiptLineLookups lookups,
            LotService lots,
            PostingReceivedLots posting,
            Clock clock) {
        this.executor = executor;
        this.receipts = receipts;
        this.lookups = lookups;
        this.lots = lots;
        this.posting = posting;
        this.policy = new ReceiptLinePolicy(clock);
    }

    public ReceiptView.Line receive(long receiptId, ReceiveLine request, Actor actor, String idempotencyKey) {
        long lineId = executor.inTransaction(() -> receiveInTransaction(receiptId, request, actor, idempotencyKey));
        return receipts.get(receiptId).lines().stream()
                .filter(l -> l.id() == lineId)
                .findFirst()
                .orElseThrow();
    }

    private long receiveInTransaction(long receiptId, ReceiveLine r, Actor actor, String key) {
        Receipts.Header receipt = receipts.lock(receiptId, false);
        Scan scan = policy.readScan(ReceiptLineLookups.receipt(receipt), r).orElseThrow();
        ReceiptLineFacts.Order order = lookups.order(receipt, r, scan.gtin());
        Choice choice = policy.chooseLine(scan, order).orElseThrow();
        // locked from here on: two clerks on one line check the tolerance in turn
        Optional<PurchaseOrderLine> line = lookups.lockLine(choice.purchaseOrderLineId());
        AcceptedReceiptLine accepted = policy.accept(
                        choice, lookups.line(line, order.supplier(), receipt.warehouseId()))
                .orElseThrow();
        Optional<LotView> recorded = recordedLot(accepted);
        policy.againstRecords(
                        accepted,
                        new ReceiptLineFacts.Records(
                                accepted.sscc() != null && receipts.ssccReceived(accepted.sscc()),
                                recorded.map(l ->
                                        new ReceiptLineFacts.RecordedLot(l.id(), l.internalLabel(), l.expiresOn()))))
                .orElseThrow();
        return posting.post(receipt, accepted, line.orElseThrow(), recorded, actor, key);
    }

    /** The lot of this item and supplier with the line's lot number (in any case), if there is one already. */
    private Optional<LotView> recordedLot(AcceptedReceiptLine a) {
        if (a.lotNumber() == null) {
            return Optional.empty();
        }
        return lots.list(a.itemId(), a.supplierId(), a.lotNumber(), null).stream()
                .filter(l -> l.lotNumber().equalsIgnoreCase(a.lotNumber()))
                .findFirst();
    }
}
