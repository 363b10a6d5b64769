package org.lotledger.receiving;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One received lot, typed or scanned. With {@code scan} (a GS1 element string) the GTIN (01 or 02), lot (10),
 * production date (11), best before (15), expiry (17), SSCC (00) and count (30 or 37) come from the barcode; a
 * typed field given as well must agree with it. {@code purchaseOrderLineId} may be left out when the item is on
 * exactly one open line of the order; {@code supplierId}, when given, must be the order's supplier.
 */
public record ReceiveLine(Long purchaseOrderLineId, Long itemId, Long supplierId, String gtin, String lotNumber,
                          String manufacturerBatchRef, LocalDate manufacturedOn, LocalDate expiresOn,
                          LocalDate bestBeforeOn, BigDecimal quantity, String uom, String sscc, String scan) {
}
