package org.lotledger.quality;

import java.util.List;

/**
 * Stock of these lots became AVAILABLE through quality: a hold released it, or an inspection accepted it. Published
 * inside the releasing transaction; fulfilment allocates backordered lines again after it commits.
 *
 * @param source {@code HOLD_RELEASED} or {@code INSPECTION_ACCEPTED}
 */
public record StockReleased(String source, List<Long> lotIds) {

    public StockReleased {
        lotIds = List.copyOf(lotIds);
    }
}
