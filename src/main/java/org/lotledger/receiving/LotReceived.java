package org.lotledger.receiving;

/**
 * Published (a Spring application event, inside the receiving transaction) after each receipt line is posted: the
 * receipt's process (bpmn/receiving-receipt.bpmn) starts one inspection per received lot from it.
 *
 * @param asnMismatch the receipt has an ASN and this lot disagrees with it ({@link AsnComparison#mismatchAtReceipt})
 */
public record LotReceived(
        long receiptId, long receiptLineId, long lotId, long locationId, long quantityBaseUnits, boolean asnMismatch) {}
