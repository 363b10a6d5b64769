package org.lotledger.receiving;

import java.util.List;
import org.lotledger.catalog.lot.ScannedLots;
import org.lotledger.catalog.partner.LotText;
import org.lotledger.purchasing.AdvanceShipNotice;
import org.lotledger.purchasing.AdvanceShipNotices;
import org.lotledger.purchasing.AsnLine;
import org.lotledger.purchasing.AsnLines;
import org.lotledger.purchasing.PurchaseOrderQueries;
import org.springframework.stereotype.Component;

/**
 * A receipt's lines against its advance ship notice ({@link AsnComparison}): whether a lot just received disagrees
 * with it, and the discrepancies stored when the receipt closes. The ASN's lots are read by the supplier's lot-label
 * convention as lot fields, the way receiving reads a scanned lot.
 */
@Component
class AsnOfReceipt {

    private final AsnLines asnLines;
    private final AdvanceShipNotices asns;
    private final ScannedLots scannedLots;
    private final Receipts receipts;
    private final PurchaseOrderQueries orderQueries;

    AsnOfReceipt(
            AsnLines asnLines,
            AdvanceShipNotices asns,
            ScannedLots scannedLots,
            Receipts receipts,
            PurchaseOrderQueries orderQueries) {
        this.asnLines = asnLines;
        this.asns = asns;
        this.scannedLots = scannedLots;
        this.receipts = receipts;
        this.orderQueries = orderQueries;
    }

    /** The lot just received against the receipt's ASN (the line is already inserted, so it counts itself). */
    boolean mismatchAtReceipt(Receipts.Header receipt, long supplierId, AsnComparison.Received received) {
        return receipt.advanceShipNoticeId() != null
                && AsnComparison.mismatchAtReceipt(
                                announced(receipt, supplierId), receipts.standingLines(receipt.id()), received)
                        .isPresent();
    }

    /** On closing: the discrepancies are stored and the ASN is marked received. */
    void closing(Receipts.Header receipt) {
        if (receipt.advanceShipNoticeId() == null) {
            return;
        }
        long supplierId = orderQueries.load(receipt.purchaseOrderId()).getSupplierId();
        for (AsnComparison.Discrepancy d :
                AsnComparison.compare(announced(receipt, supplierId), receipts.standingLines(receipt.id()))) {
            receipts.insertDiscrepancy(receipt.id(), d);
        }
        asns.findById(receipt.advanceShipNoticeId()).ifPresent(AdvanceShipNotice::markReceived);
    }

    private List<AsnComparison.Announced> announced(Receipts.Header receipt, long supplierId) {
        return asnLines.findByAdvanceShipNoticeIdOrderByLineNumberAsc(receipt.advanceShipNoticeId()).stream()
                .map(a -> announced(supplierId, a))
                .toList();
    }

    private AsnComparison.Announced announced(long supplierId, AsnLine a) {
        String lot =
                a.getLotNumber() == null ? null : scannedLots.lotNumber(supplierId, a.getLotNumber(), LotText.FIELD);
        return new AsnComparison.Announced(
                a.getId(),
                a.getPurchaseOrderLineId(),
                lot,
                a.getExpiresOn(),
                a.getBaseQuantity().longValueExact());
    }
}
