package org.lotledger.fulfillment.shipping;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** A shipment as the API shows it; per line the staged reservation and what the dispatch shipped. */
@NamedInterface("shipping")
public record ShipmentView(
        long id,
        String shipmentNumber,
        long salesOrderId,
        String orderNumber,
        long warehouseId,
        long customerId,
        String state,
        String openedBy,
        Instant openedAt,
        String dispatchedBy,
        Instant dispatchedAt,
        Long postingId,
        List<Line> lines) {

    /**
     * @param state STAGED (reservation pending), SHIPPED, BLOCKED_BY_HOLD (a hold voided the reservation and its stock
     *              is HOLD at the staging location), RELEASED (the reservation was voided otherwise, or the held stock
     *              left the staging location: the line ships nothing)
     */
    @Schema(name = "ShipmentLineView")
    @NamedInterface("shipping")
    public record Line(
            int lineNo,
            long salesOrderLineId,
            long reservationId,
            long itemId,
            long lotId,
            String lotNumber,
            String internalLabel,
            LocalDate expiresOn,
            long locationId,
            String locationBarcode,
            long stagedQuantity,
            Long shippedQuantity,
            String state) {}
}
