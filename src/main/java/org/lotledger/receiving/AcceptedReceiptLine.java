package org.lotledger.receiving;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A receipt line {@link ReceiptLinePolicy} accepted: everything {@link PostingReceivedLots} writes.
 *
 * @param uom        the unit received, in upper case
 * @param lotNumber  normalised by the supplier's lot-label convention; null for an item that is not lot-controlled
 * @param receivedOn the warehouse's local today (the lot's first receipt)
 * @param unitCost   per base unit, from the purchase-order price (ADR 0004); used when the lot is new
 */
record AcceptedReceiptLine(
        long purchaseOrderLineId,
        long itemId,
        String sku,
        long supplierId,
        BigDecimal quantity,
        String uom,
        long baseQuantity,
        String lotNumber,
        String manufacturerBatchRef,
        LocalDate manufacturedOn,
        LocalDate expiresOn,
        LocalDate bestBeforeOn,
        LocalDate receivedOn,
        String sscc,
        String gtin,
        String scanned,
        BigDecimal unitCost,
        String currency) {}
