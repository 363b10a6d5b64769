package org.lotledger.receiving;

/**
 * Published (a Spring application event, inside the receiving transaction) after each receipt line is posted: the
 * receiving-inspection process starts one inspection per received lot from it.
 */
public record LotReceived(long receiptId, long receiptLineId, long lotId, long locationId, long quantityBaseUnits) {
}
