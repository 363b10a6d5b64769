package org.lotledger.transfers;

/**
 * A supervisor handed damaged units, or units out of their cold chain, of a transfer to quality (outcome
 * QUALITY_DECIDES): they wait at the destination in QUARANTINE, where the receipt put them, for quality to release or
 * scrap. Published inside the deciding transaction; the seam where quality's process takes the stock over.
 */
public record TransferStockToQuality(
        long transferOrderId,
        String orderNumber,
        long discrepancyId,
        DiscrepancyType type,
        long lotId,
        long destinationWarehouseId,
        long quantity,
        String processInstanceId) {}
