package org.lotledger.fulfillment.picking;

import java.time.Instant;

/** What a short pick found less than expected, kept for cycle counting. */
public record PickException(
        long id,
        long pickTaskId,
        long pickLineId,
        String warehouseCode,
        long lotId,
        String lotLabel,
        String locationCode,
        long expectedQuantity,
        long foundQuantity,
        String reasonCode,
        String reportedBy,
        Instant reportedAt) {}
