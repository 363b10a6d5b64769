package org.lotledger.transfers;

import java.time.Instant;

/**
 * A transfer order left its origin: every lot line was posted TRANSFER_OUT into the pair's in-transit location.
 * Published after the dispatch's transaction committed (never for a refused or rolled-back dispatch); the process
 * {@code InterWarehouseTransfer} (issue 10 §4) starts from it, business key {@code transfer-<transferOrderId>}.
 * It arrives from a transaction synchronization's {@code afterCommit}: a listener that writes (starts the process)
 * runs its own transaction ({@code PROPAGATION_REQUIRES_NEW}); should it fail, the dispatch stands and the transfer
 * has no process yet (the next round decides between that and an outbox row written with the dispatch).
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
