package org.lotledger.fulfillment.picking;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A pick task with its lines, sorted by location code (the walk through the warehouse). */
public record PickTaskView(
        long id,
        String name,
        long salesOrderId,
        String orderNumber,
        String warehouseCode,
        PickTaskState state,
        String claimedBy,
        Instant claimedAt,
        String createdBy,
        Instant createdAt,
        Instant finishedAt,
        List<Line> lines) {

    /**
     * One reservation to pick: {@code quantity} base units of a lot at a location.
     *
     * @param state OPEN, DONE (confirmed; {@code pickedQuantity} may be less on a short pick) or VOIDED (its
     *              reservation was voided: the order line was cancelled or a hold placed)
     */
    @Schema(name = "PickTaskLineView")
    public record Line(
            long id,
            int lineNo,
            long salesOrderLineId,
            long reservationId,
            long lotId,
            String lotLabel,
            String lotNumber,
            long itemId,
            String sku,
            String locationCode,
            long quantity,
            String baseUom,
            String state,
            Long pickedQuantity,
            String stagingLocationCode,
            Long postingId,
            Long stagedReservationId,
            Long overrideId,
            String shortPickReason,
            String confirmedBy,
            Instant confirmedAt) {}
}
