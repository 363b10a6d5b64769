package org.lotledger.receiving;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.location.WarehouseService;
import org.lotledger.catalog.lot.ScannedLots;
import org.lotledger.catalog.partner.SupplierView;
import org.lotledger.purchasing.PurchaseOrder;
import org.lotledger.purchasing.PurchaseOrderLine;
import org.lotledger.purchasing.PurchaseOrderLines;
import org.lotledger.purchasing.PurchaseOrderQueries;
import org.springframework.stereotype.Component;

/**
 * Loads the {@link ReceiptLineFacts} {@link ReceiptLinePolicy} decides on, in the caller's transaction. Reads only,
 * apart from the row lock on the chosen purchase-order line ({@link #lockLine}), which is what makes two clerks on
 * one line check the over-receipt tolerance in turn.
 */
@Component
class ReceiptLineLookups {

    private final PurchaseOrderQueries orderQueries;
    private final PurchaseOrderLines orderLines;
    private final CatalogQueries catalog;
    private final WarehouseService warehouses;
    private final ReceiptTolerance tolerance;
    private final ScannedLots scannedLots;

    ReceiptLineLookups(
            PurchaseOrderQueries orderQueries,
            PurchaseOrderLines orderLines,
            CatalogQueries catalog,
            WarehouseService warehouses,
            ReceiptTolerance tolerance,
            ScannedLots scannedLots) {
        this.orderQueries = orderQueries;
        this.orderLines = orderLines;
        this.catalog = catalog;
        this.warehouses = warehouses;
        this.tolerance = tolerance;
        this.scannedLots = scannedLots;
    }

    static ReceiptLineFacts.Receipt receipt(Receipts.Header header) {
        return new ReceiptLineFacts.Receipt(header.id(), header.open());
    }

    /** The receipt's order, its supplier, the item the GTIN names (if any) and, without a named line, its lines. */
    ReceiptLineFacts.Order order(Receipts.Header receipt, ReceiveLine r, String gtin) {
        PurchaseOrder po = orderQueries.load(receipt.purchaseOrderId());
        SupplierView s = catalog.findSupplier(po.getSupplierId()).orElseThrow();
        List<ReceiptLineFacts.OrderLine> lines = r.purchaseOrderLineId() != null
                ? List.of()
                : orderLines.findByPurchaseOrderIdOrderByLineNumberAsc(po.getId()).stream()
                        .map(l -> new ReceiptLineFacts.OrderLine(l.getId(), l.getItemId(), l.getStatus()))
                        .toList();
        Long scannedItem = gtin == null ? null : itemOfGtin(gtin, r.purchaseOrderLineId(), lines);
        return new ReceiptLineFacts.Order(
                po.getId(),
                po.getPoNumber(),
                po.getSupplierId(),
                po.getCurrency(),
                po.getStatus(),
                supplier(s),
                scannedItem,
                lines);
    }

    static ReceiptLineFacts.Supplier supplier(SupplierView s) {
        return new ReceiptLineFacts.Supplier(s.id(), s.code(), s.approvalStatus(), s.active());
    }

    /** The item a scanned GTIN names: the named line's item, or the item of one of the order's lines. */
    private Long itemOfGtin(String gtin, Long poLineId, List<ReceiptLineFacts.OrderLine> lines) {
        List<Long> candidates = poLineId != null
                ? orderLines.findById(poLineId).map(l -> List.of(l.getItemId())).orElse(List.of())
                : lines.stream()
                        .map(ReceiptLineFacts.OrderLine::itemId)
                        .distinct()
                        .toList();
        return candidates.stream()
                .map(id -> catalog.findItem(id).orElseThrow())
                .filter(i -> i.gtins().stream().anyMatch(g -> g.gtin().equals(gtin)))
                .findFirst()
                .map(ItemView::id)
                .orElse(null);
    }

    /** The chosen line under its row lock (held to the end of the transaction). */
    Optional<PurchaseOrderLine> lockLine(long purchaseOrderLineId) {
        return orderLines.lockById(purchaseOrderLineId);
    }

    /** The locked line, its item, the tolerance the DMN gives for it, the supplier's lot labels, the local zone. */
    ReceiptLineFacts.Line line(
            Optional<PurchaseOrderLine> locked, ReceiptLineFacts.Supplier supplier, long warehouseId) {
        ZoneId zone = ZoneId.of(warehouses.get(warehouseId).timeZone());
        if (locked.isEmpty()) {
            return new ReceiptLineFacts.Line(null, null, null, Optional.empty(), zone);
        }
        PurchaseOrderLine l = locked.get();
        ItemView item = catalog.findItem(l.getItemId()).orElseThrow();
        return new ReceiptLineFacts.Line(
                new ReceiptLineFacts.PurchaseOrderLine(
                        l.getId(),
                        l.getPurchaseOrderId(),
                        l.getLineNumber(),
                        l.getItemId(),
                        l.getStatus(),
                        l.getOrderedQuantity(),
                        l.getOrderedBaseQuantity(),
                        l.getReceivedBaseQuantity(),
                        l.getExpectedUnitPrice()),
                item(item),
                tolerance.tolerancePercent(
                        supplier.approvalStatus().name(),
                        item.riskClass(),
                        item.temperatureClass().name()),
                scannedLots.lotLabelConvention(supplier.id()),
                zone);
    }

    static ReceiptLineFacts.Item item(ItemView i) {
        Map<String, Integer> units = new LinkedHashMap<>();
        i.units().forEach(u -> units.putIfAbsent(u.uom(), u.baseUnits()));
        return new ReceiptLineFacts.Item(
                i.id(),
                i.sku(),
                i.baseUom(),
                i.lotControlled(),
                i.expiryRequired(),
                i.bestBeforeAsExpiry(),
                i.minRemainingShelfLifeDays(),
                units,
                i.gtins());
    }
}
