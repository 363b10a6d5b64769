package org.lotledger.receiving;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One received lot, typed or scanned. With {@code scan} (a GS1 element string) the GTIN (01 or 02), lot (10),
 * production date (11), best before (15), expiry (17), SSCC (00) and count (30 or 37) come from the barcode; a
 * typed field given as well must agree with it. {@code purchaseOrderLineId} may be left out when the item is on
 * exactly one open line of the order; {@code supplierId}, when given, must be the order's supplier.
 */
public record ReceiveLine(
        Long purchaseOrderLineId,
        Long itemId,
        Long supplierId,
        @Size(max = 20) String gtin,
        @Size(max = 60) String lotNumber,
        @Size(max = 60) String manufacturerBatchRef,
        LocalDate manufacturedOn,
        LocalDate expiresOn,
        LocalDate bestBeforeOn,

        @DecimalMin("-1000000000") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 6)
        BigDecimal quantity,

        @Size(max = 10) String uom,
        @Size(max = 30) String sscc,
        @Size(max = 500) String scan) {}
