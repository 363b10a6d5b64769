package org.lotledger.transfers;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A transfer order as the API answers it: the lane, its temperature class and transit time, the dispatch, and per
 * line the quantities in base units with what left per lot ({@code shippedLots}, what the receipt counts against).
 *
 * @param plannedArrival    the ship date + the lane's transit days
 * @param expectedArrivalAt after the dispatch: dispatched + transit days
 * @param overdueAt         after the dispatch: expected arrival + grace hours
 */
public record TransferOrderView(
        long id,
        String orderNumber,
        String fromWarehouseCode,
        String toWarehouseCode,
        String temperatureClass,
        LocalDate shipDate,
        String reason,
        String note,
        TransferStatus status,
        int transitDays,
        int graceHours,
        LocalDate plannedArrival,
        String createdBy,
        Instant createdAt,
        String cancelledBy,
        String cancelReason,
        String dispatchedBy,
        Instant dispatchedAt,
        String stagingLocationCode,
        String coldChainLogger,
        Instant expectedArrivalAt,
        Instant overdueAt,
        long version,
        List<Line> lines) {

    /**
     * One line: the item and quantity as ordered, in base units, and the stage quantities.
     *
     * @param status OPEN, PARTIALLY_ALLOCATED, ALLOCATED, PICKING, SHIPPED, NOT_SHIPPED, CANCELLED
     */
    @Schema(name = "TransferOrderLineView")
    public record Line(
            long id,
            int lineNumber,
            long itemId,
            String sku,
            BigDecimal quantity,
            String uom,
            Long requestedLotId,
            String requestedLotLabel,
            long orderedBaseQuantity,
            String baseUom,
            long allocatedBaseQuantity,
            long pickedBaseQuantity,
            long shippedBaseQuantity,
            long receivedBaseQuantity,
            long cancelledBaseQuantity,
            String status,
            String cancelledBy,
            String cancelReason,
            List<ShippedLot> shippedLots) {}

    /** What left per lot: one TRANSFER_OUT posting into the in-transit location. */
    @Schema(name = "TransferShippedLotView")
    public record ShippedLot(
            long id,
            long lotId,
            String lotNumber,
            String internalLabel,
            LocalDate expiresOn,
            long shippedQuantity,
            long receivedQuantity,
            long postingId,
            long inTransitLocationId,
            String inTransitLocationCode) {}
}
