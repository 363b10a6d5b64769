package org.lotledger.fulfillment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A sales order as the API shows it; per line the quantity as ordered and the base-unit quantities of each stage. */
public record SalesOrderView(
        Long id,
        String source,
        String orderNumber,
        Long customerId,
        String customerCode,
        Long warehouseId,
        String warehouseCode,
        LocalDate requestedShipDate,
        SalesOrderStatus status,
        String note,
        String createdBy,
        String cancelledBy,
        String cancelReason,
        List<Line> lines,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "SalesOrderLineView")
    public record Line(
            Long id,
            int lineNumber,
            Long itemId,
            String sku,
            BigDecimal quantity,
            String uom,
            BigDecimal unitPrice,
            String currency,
            Integer minRemainingShelfLifeDays,
            Long requestedLotId,
            String requestedLotNumber,
            BigDecimal orderedBaseQuantity,
            String baseUom,
            BigDecimal allocatedBaseQuantity,
            BigDecimal pickedBaseQuantity,
            BigDecimal shippedBaseQuantity,
            BigDecimal cancelledBaseQuantity,
            BigDecimal openBaseQuantity,
            SalesOrderLineStatus status,
            String cancelledBy,
            String cancelReason) {

        static Line of(SalesOrderLine l, String sku, String baseUom, String lotNumber) {
            return new Line(
                    l.getId(),
                    l.getLineNumber(),
                    l.getItemId(),
                    sku,
                    l.getOrderedQuantity(),
                    l.getOrderedUom(),
                    l.getUnitPrice(),
                    l.getCurrency(),
                    l.getMinRemainingShelfLifeDays(),
                    l.getRequestedLotId(),
                    lotNumber,
                    l.getOrderedBaseQuantity(),
                    baseUom,
                    l.getAllocatedBaseQuantity(),
                    l.getPickedBaseQuantity(),
                    l.getShippedBaseQuantity(),
                    l.getCancelledBaseQuantity(),
                    BigDecimal.valueOf(l.quantities().open()),
                    l.getStatus(),
                    l.getCancelledBy(),
                    l.getCancelReason());
        }
    }
}
