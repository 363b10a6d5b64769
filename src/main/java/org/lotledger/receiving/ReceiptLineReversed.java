package org.lotledger.receiving;

/**
 * Published when a receipt line (a mistyped lot) was reversed: the inspection started for that line is cancelled.
 */
public record ReceiptLineReversed(long receiptId, long receiptLineId, long lotId, long reversalPostingId) {}
