package org.lotledger.fulfillment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.lotledger.fulfillment.allocation.BackorderReason;

/** An order's allocation as the API shows it: per line the reservations (every state) and the backorder by reason. */
public record AllocationView(long salesOrderId, SalesOrderStatus status, int attempts, List<Line> lines) {

    @Schema(name = "AllocationLineView")
    public record Line(
            long lineId,
            int lineNumber,
            long itemId,
            long orderedBaseQuantity,
            long allocatedBaseQuantity,
            long backorderedBaseQuantity,
            SalesOrderLineStatus status,
            List<ReservationLine> reservations,
            List<BackorderLine> backorders) {}

    @Schema(name = "AllocationReservationView")
    public record ReservationLine(
            long reservationId,
            long lotId,
            String lotNumber,
            String lotLabel,
            long locationId,
            String locationCode,
            long quantity,
            LocalDate expiry,
            List<String> ruleIds,
            String state,
            String voidReason) {}

    @Schema(name = "AllocationBackorderView")
    public record BackorderLine(BackorderReason reason, long quantity) {}
}
