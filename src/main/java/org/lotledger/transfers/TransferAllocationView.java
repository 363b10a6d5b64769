package org.lotledger.transfers;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * A transfer order's allocation: per line ordered and allocated base units, the reservations in every state, and
 * what the last run could not cover by reason ({@code shortfall}, in the POST's answer only: a transfer keeps no
 * backorder, operations allocates again or changes the order).
 *
 * @param attempts how many times the rules decided in this request (0 for a GET or a no-op)
 */
public record TransferAllocationView(long transferOrderId, TransferStatus status, int attempts, List<Line> lines) {

    @Schema(name = "TransferAllocationLineView")
    public record Line(
            long lineId,
            int lineNumber,
            long itemId,
            long orderedBaseQuantity,
            long allocatedBaseQuantity,
            List<Shortfall> shortfall,
            List<ReservationLine> reservations) {}

    @Schema(name = "TransferAllocationShortfall")
    public record Shortfall(String reason, long quantity) {}

    @Schema(name = "TransferReservationLine")
    public record ReservationLine(
            long reservationId,
            long lotId,
            String lotNumber,
            String lotLabel,
            long locationId,
            String locationCode,
            long quantity,
            LocalDate expiresOn,
            List<String> ruleIds,
            String state,
            String voidReason) {}
}
