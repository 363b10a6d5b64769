package org.lotledger.transfers;

import java.time.Instant;

/**
 * A transfer order left its origin: every lot line was posted TRANSFER_OUT into the pair's in-transit location.
 * Published after the dispatch's transaction committed (never for a refused or rolled-back dispatch); the process
 * {@code InterWarehouseTransfer} (issue 10 §4) starts from it, business key {@code transfer-<transferOrderId>}.
 *
 * @param expectedArrivalAt dispatched + the lane's transit days (dmn/transit-time.dmn)
 * @param overdueAt         expected arrival + the lane's grace hours: when the transfer is chased
 */
public record TransferDispatched(
        long transferOrderId,
        String orderNumber,
        String fromWarehouseCode,
        String toWarehouseCode,
        String temperatureClass,
        Instant dispatchedAt,
        Instant expectedArrivalAt,
        Instant overdueAt,
        String dispatchedBy) {}
