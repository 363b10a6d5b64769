package org.lotledger.purchasing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An advance ship notice as the API shows it. */
public record AsnView(
        Long id,
        String asnNumber,
        Long supplierId,
        Long purchaseOrderId,
        String purchaseOrderNumber,
        LocalDate shippedOn,
        LocalDate expectedOn,
        AsnStatus status,
        String createdBy,
        List<Line> lines,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "AsnLineView")
    public record Line(
            Long id,
            int lineNumber,
            Long purchaseOrderLineId,
            int poLineNumber,
            Long itemId,
            String sku,
            String lotNumber,
            String manufacturerBatchRef,
            LocalDate manufacturedOn,
            LocalDate expiresOn,
            LocalDate bestBeforeOn,
            BigDecimal quantity,
            String uom,
            BigDecimal baseQuantity,
            String sscc) {}
}
