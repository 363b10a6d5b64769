package org.lotledger.purchasing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A purchase order as the API shows it; quantities per line as ordered and in base units. */
public record PurchaseOrderView(
        Long id,
        String poNumber,
        Long supplierId,
        String supplierCode,
        String currency,
        PurchaseOrderStatus status,
        String note,
        String createdBy,
        String cancelledBy,
        String cancelReason,
        List<Line> lines,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "PurchaseOrderLineView")
    public record Line(
            Long id,
            int lineNumber,
            Long itemId,
            String sku,
            BigDecimal quantity,
            String uom,
            BigDecimal expectedUnitPrice,
            BigDecimal orderedBaseQuantity,
            String baseUom,
            BigDecimal receivedBaseQuantity,
            BigDecimal openBaseQuantity,
            PurchaseOrderLineStatus status,
            long version) {

        static Line of(PurchaseOrderLine l, String sku, String baseUom) {
            return new Line(
                    l.getId(),
                    l.getLineNumber(),
                    l.getItemId(),
                    sku,
                    l.getOrderedQuantity(),
                    l.getOrderedUom(),
                    l.getExpectedUnitPrice(),
                    l.getOrderedBaseQuantity(),
                    baseUom,
                    l.getReceivedBaseQuantity(),
                    l.openBaseQuantity(),
                    l.getStatus(),
                    l.getVersion());
        }
    }

    static PurchaseOrderView of(PurchaseOrder p, String supplierCode, List<Line> lines) {
        return new PurchaseOrderView(
                p.getId(),
                p.getPoNumber(),
                p.getSupplierId(),
                supplierCode,
                p.getCurrency(),
                p.getStatus(),
                p.getNote(),
                p.getCreatedBy(),
                p.getCancelledBy(),
                p.getCancelReason(),
                lines,
                p.getVersion(),
                p.getCreatedAt(),
                p.getUpdatedAt());
    }
}
