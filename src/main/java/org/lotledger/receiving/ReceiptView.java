package org.lotledger.receiving;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A receipt with its lines (reversed ones included, marked) and the discrepancies stored when it was closed. */
public record ReceiptView(
        long id,
        long warehouseId,
        long dockLocationId,
        String dockBarcode,
        long purchaseOrderId,
        Long advanceShipNoticeId,
        String status,
        String openedBy,
        Instant openedAt,
        String closedBy,
        Instant closedAt,
        List<Line> lines,
        List<Discrepancy> discrepancies) {

    @Schema(name = "ReceiptLineView")
    public record Line(
            long id,
            long purchaseOrderLineId,
            long lotId,
            String lotNumber,
            String internalLabel,
            BigDecimal quantity,
            String uom,
            long baseQuantity,
            String sscc,
            String gtin,
            long postingId,
            boolean reversed,
            Long reversalPostingId,
            String createdBy,
            Instant createdAt) {}

    @Schema(name = "ReceiptDiscrepancy")
    public record Discrepancy(
            long id,
            String type,
            long purchaseOrderLineId,
            Long asnLineId,
            String lotNumber,
            String expected,
            String actual) {}
}
