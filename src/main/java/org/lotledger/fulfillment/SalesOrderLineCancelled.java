package org.lotledger.fulfillment;

/**
 * Published when a sales-order line is cancelled (alone or with its whole order), inside the cancelling
 * transaction and before it commits. This is the seam through which the reservations of issue 9 §3 void what is
 * still pending for the line (reason CANCELLED): their listener must be a plain synchronous {@code @EventListener}
 * (not an after-commit or asynchronous one), so that a refused void rolls the cancellation back with it and a
 * cancelled line never keeps stock reserved. Until reservations exist nobody listens.
 *
 * @param cancelledBaseQuantity what was still open on the line, in whole base units
 */
public record SalesOrderLineCancelled(
        long salesOrderId,
        long salesOrderLineId,
        int lineNumber,
        long itemId,
        long warehouseId,
        long cancelledBaseQuantity,
        String actor,
        String reason) {}
