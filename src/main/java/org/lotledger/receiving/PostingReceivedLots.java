package org.lotledger.receiving;

import java.util.Optional;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.lot.LotDraft;
import org.lotledger.catalog.lot.LotService;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.common.Actor;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.lotledger.purchasing.PurchaseOrderLine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a receipt line {@link ReceiptLinePolicy} accepted, in the caller's transaction: the lot is the one on record
 * or a new one; ONE ledger posting RECEIPT moves it from the supplier's virtual location to the dock in QUARANTINE;
 * the purchase-order line's received quantity goes up (under the lock the caller holds); the receipt line is stored,
 * compared with the receipt's ASN, and {@link LotReceived} is published.
 */
@Component
class PostingReceivedLots {

    private final LotService lots;
    private final CatalogQueries catalog;
    private final Ledger ledger;
    private final ReceivedQuantities quantities;
    private final Receipts receipts;
    private final AsnOfReceipt asn;
    private final ApplicationEventPublisher events;

    PostingReceivedLots(
            LotService lots,
            CatalogQueries catalog,
            Ledger ledger,
            ReceivedQuantities quantities,
            Receipts receipts,
            AsnOfReceipt asn,
            ApplicationEventPublisher events) {
        this.lots = lots;
        this.catalog = catalog;
        this.ledger = ledger;
        this.quantities = quantities;
        this.receipts = receipts;
        this.asn = asn;
        this.events = events;
    }

    /** @return the receipt line's id */
    long post(
            Receipts.Header receipt,
            AcceptedReceiptLine a,
            PurchaseOrderLine line,
            Optional<LotView> recorded,
            Actor actor,
            String idempotencyKey) {
        LotView lot = recorded.orElseGet(() -> lots.create(
                new LotDraft(
                        a.itemId(),
                        a.supplierId(),
                        a.lotNumber(),
                        a.manufacturerBatchRef(),
                        a.manufacturedOn(),
                        a.expiresOn(),
                        a.bestBeforeOn(),
                        a.receivedOn(),
                        a.unitCost(),
                        a.currency()),
                actor.userId()));
        long supplierLocation = catalog.supplierLocationId(a.supplierId());
        Posting posting = ledger.post(PostingRequest.of(PostingType.RECEIPT, actor, idempotencyKey)
                .movement(new Movement(
                        lot.id(),
                        supplierLocation,
                        StockStatus.QUARANTINE,
                        receipt.dockLocationId(),
                        StockStatus.QUARANTINE,
                        a.baseQuantity()))
                .reference("RECEIPT", Long.toString(receipt.id()))
                .build());
        quantities.received(line, a.baseQuantity());
        long lineId = receipts.insertLine(
                receipt.id(),
                a.purchaseOrderLineId(),
                lot.id(),
                a.quantity(),
                a.uom(),
                a.baseQuantity(),
                a.sscc(),
                a.gtin(),
                a.scanned(),
                posting.id(),
                actor.userId());
        boolean asnMismatch = asn.mismatchAtReceipt(
                receipt,
                a.supplierId(),
                new AsnComparison.Received(
                        a.purchaseOrderLineId(), lot.lotNumber(), lot.expiresOn(), a.baseQuantity()));
        events.publishEvent(new LotReceived(
                receipt.id(), lineId, lot.id(), receipt.dockLocationId(), a.baseQuantity(), asnMismatch));
        return lineId;
    }
}
