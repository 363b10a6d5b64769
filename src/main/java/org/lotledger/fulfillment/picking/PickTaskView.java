package org.lotledger.fulfillment.picking;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * A pick task with its lines, sorted by location code (the walk through the warehouse).
 *
 * @param salesOrderId the sales order of a sales order's task, else null
 * @param demandType   whose task it is: SALES_ORDER or TRANSFER_ORDER
 * @param orderId      the sales order's or the transfer order's id
 */
@NamedInterface("picking")
public record PickTaskView(
        long id,
        String name,
        Long salesOrderId,
        String orderNumber,
        String warehouseCode,
        PickTaskState state,
        String claimedBy,
        Instant claimedAt,
        String createdBy,
        Instant createdAt,
        Instant finishedAt,
        List<Line> lines,
        String demandType,
        long orderId) {

    /**
     * One reservation to pick: {@code quantity} base units of a lot at a location.
     *
     * @param state OPEN, DONE (confirmed; {@code pickedQuantity} may be less on a short pick) or VOIDED (its
     *              reservation was voided: the order line was cancelled or a hold placed)
     * @param salesOrderLineId the sales order line of a sales order's task, else null
     * @param demandLineId     the line of the order (sales order line, transfer order line) the pick serves
     */
    @Schema(name = "PickTaskLineView")
    @NamedInterface("picking")
    public record Line(
            long id,
            int lineNo,
            Long salesOrderLineId,
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
            Instant confirmedAt,
            long demandLineId) {}
}
