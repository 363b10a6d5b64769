package org.lotledger.fulfillment.override;

import java.time.Instant;

/** One allocation override as the API shows it. */
public record AllocationOverrideView(
        long id,
        long orderId,
        String orderNumber,
        long lineId,
        long reservationId,
        Stock reserved,
        Stock proposed,
        long quantity,
        Deviation deviation,
        int daysShort,
        String reasonCode,
        String note,
        String approvalGroup,
        State state,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionComment,
        Long newReservationId,
        Instant appliedAt,
        String processInstanceId) {

    public enum State {
        REQUESTED,
        APPROVED,
        REJECTED,
        APPLIED
    }

    /** A lot at a location, with its expiry. */
    public record Stock(
            long lotId, String lotLabel, String lotNumber, String expiresOn, long locationId, String location) {}
}
