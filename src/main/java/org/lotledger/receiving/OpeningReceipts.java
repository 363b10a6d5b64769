package org.lotledger.receiving;

import java.util.Map;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.catalog.location.LocationView;
import org.lotledger.catalog.location.ZoneType;
import org.lotledger.catalog.location.ZoneView;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.PostingExecutor;
import org.lotledger.purchasing.AdvanceShipNotice;
import org.lotledger.purchasing.AdvanceShipNotices;
import org.lotledger.purchasing.PurchaseOrder;
import org.lotledger.purchasing.PurchaseOrderQueries;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Opening a receipt for an open purchase order of a receivable supplier at an active location of a receiving dock
 * zone, optionally against one of the order's ASNs (docs/receiving.md); publishes {@link ReceiptOpened}, from which
 * the receipt's process starts.
 */
@Service
public class OpeningReceipts {

    private final PostingExecutor executor;
    private final PurchaseOrderQueries orderQueries;
    private final CatalogQueries catalog;
    private final AdvanceShipNotices asns;
    private final Receipts receipts;
    private final ApplicationEventPublisher events;

    OpeningReceipts(
            PostingExecutor executor,
            PurchaseOrderQueries orderQueries,
            CatalogQueries catalog,
            AdvanceShipNotices asns,
            Receipts receipts,
            ApplicationEventPublisher events) {
        this.executor = executor;
        this.orderQueries = orderQueries;
        this.catalog = catalog;
        this.asns = asns;
        this.receipts = receipts;
        this.events = events;
    }

    public ReceiptView open(long purchaseOrderId, String dockBarcode, Long advanceShipNoticeId, Actor actor) {
        long id = executor.inTransaction(() -> {
            PurchaseOrder po = orderQueries.load(purchaseOrderId);
            ReceiptLinePolicy.requireReceivable(ReceiptLineLookups.supplier(
                    catalog.findSupplier(po.getSupplierId()).orElseThrow()));
            po.requireOpen();
            LocationView dock = catalog.findLocationByBarcode(dockBarcode)
                    .orElseThrow(() -> DomainException.notFound(
                            "UNKNOWN_LOCATION",
                            "No location has the barcode '" + dockBarcode + "'",
                            Map.of("barcode", String.valueOf(dockBarcode))));
            ZoneView zone = dock.zoneId() == null
                    ? null
                    : catalog.findZone(dock.zoneId()).orElse(null);
            if (dock.kind() != LocationKind.PHYSICAL
                    || zone == null
                    || zone.zoneType() != ZoneType.RECEIVING_DOCK
                    || !dock.active()) {
                throw DomainException.unprocessable(
                        "NOT_A_RECEIVING_DOCK",
                        "Location " + dock.code() + " is not an active location of a receiving dock zone",
                        Map.of("location", dock.code()));
            }
            if (advanceShipNoticeId != null) {
                AdvanceShipNotice asn = asns.findById(advanceShipNoticeId)
                        .orElseThrow(() -> DomainException.notFound(
                                "UNKNOWN_ADVANCE_SHIP_NOTICE",
                                "ASN " + advanceShipNoticeId + " does not exist",
                                Map.of("advanceShipNoticeId", advanceShipNoticeId)));
                if (!asn.getPurchaseOrderId().equals(po.getId())) {
                    throw DomainException.unprocessable(
                            "ASN_NOT_OF_PURCHASE_ORDER",
                            "ASN " + asn.getAsnNumber() + " is not for purchase order " + po.getPoNumber(),
                            Map.of("advanceShipNoticeId", advanceShipNoticeId, "purchaseOrderId", purchaseOrderId));
                }
            }
            long receiptId =
                    receipts.insert(dock.warehouseId(), dock.id(), po.getId(), advanceShipNoticeId, actor.userId());
            events.publishEvent(new ReceiptOpened(receiptId));
            return receiptId;
        });
        return receipts.get(id);
    }
}
