package org.lotledger.receiving;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.catalog.item.GtinAssignment;
import org.lotledger.catalog.partner.ApprovalStatus;
import org.lotledger.catalog.partner.LotLabelConvention;
import org.lotledger.purchasing.PurchaseOrderLineStatus;
import org.lotledger.purchasing.PurchaseOrderStatus;

/**
 * The facts {@link ReceiptLinePolicy} decides on: plain values, loaded by {@link ReceiptLineLookups} (or written
 * down in a test), never an entity or a repository.
 */
final class ReceiptLineFacts {

    private ReceiptLineFacts() {}

    /** The receipt the line goes on: whether it still takes lines. */
    record Receipt(long id, boolean open) {}

    /**
     * The order side, before a line is chosen.
     *
     * @param scannedItemId     the item, among the named line's (or else the order's lines'), whose GTIN was scanned or
     *                          typed; null without a GTIN or when none has it
     * @param lines             the order's lines, in line order; loaded only when the request names no line
     */
    record Order(
            long id,
            String number,
            long supplierId,
            String currency,
            PurchaseOrderStatus status,
            Supplier supplier,
            Long scannedItemId,
            List<OrderLine> lines) {}

    record Supplier(long id, String code, ApprovalStatus approvalStatus, boolean active) {}

    record OrderLine(long id, long itemId, PurchaseOrderLineStatus status) {}

    /**
     * The chosen line, read under its row lock, and what is needed to receive on it.
     *
     * @param line             null when there is no line with the chosen id
     * @param item             the line's item; null without a line
     * @param tolerancePercent the over-receipt tolerance (dmn/over-receipt-tolerance.dmn, evaluated by the caller)
     * @param lotLabels        the supplier's lot-label convention, if it has one
     * @param warehouseZone    the receiving warehouse's time zone: "today" is its local date
     */
    record Line(
            PurchaseOrderLine line,
            Item item,
            BigDecimal tolerancePercent,
            Optional<LotLabelConvention> lotLabels,
            ZoneId warehouseZone) {}

    record PurchaseOrderLine(
            long id,
            long purchaseOrderId,
            int lineNumber,
            long itemId,
            PurchaseOrderLineStatus status,
            BigDecimal orderedQuantity,
            BigDecimal orderedBaseQuantity,
            BigDecimal receivedBaseQuantity,
            BigDecimal expectedUnitPrice) {}

    /**
     * @param baseUnitsPerUom the item's units (whole base units per unit), smallest first
     * @param gtins           the GTINs printed on its packaging levels
     */
    record Item(
            long id,
            String sku,
            String baseUom,
            boolean lotControlled,
            boolean expiryRequired,
            boolean bestBeforeAsExpiry,
            int minRemainingShelfLifeDays,
            Map<String, Integer> baseUnitsPerUom,
            List<GtinAssignment> gtins) {}

    /** What is on record already for an accepted line. */
    record Records(boolean ssccReceived, Optional<RecordedLot> lot) {}

    /** The lot with the line's lot number of this item and supplier, as on record. */
    record RecordedLot(long id, String internalLabel, LocalDate expiresOn) {}
}
