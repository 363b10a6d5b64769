package org.lotledger.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One discrepancy of a transfer's receipt, as recorded when the receipt closed ({@code transfer_discrepancy}, V91,
 * append-only).
 *
 * @param lotId            SHORT, DAMAGED, TEMPERATURE_EXCURSION: the shipped lot; OVER: the lot received above what
 *                         was shipped; WRONG_LOT: the lot expected (shipped, not received)
 * @param receivedLotId    WRONG_LOT only: the lot that arrived instead
 * @param expectedQuantity base units the origin's TRANSFER_OUT shipped of {@code lotId} (0 when none left)
 * @param actualQuantity   base units the receipt counted of it
 * @param quantity         base units to resolve, &gt; 0
 * @param value            quantity × the lot's unit cost (ADR 0004), what the routing table decides on
 * @param scans            the receipt's scans behind it, as a JSON array
 */
public record TransferDiscrepancy(
        long id,
        long transferOrderId,
        long transferOrderLineId,
        DiscrepancyType type,
        long lotId,
        Long receivedLotId,
        BigDecimal expectedQuantity,
        BigDecimal actualQuantity,
        BigDecimal quantity,
        BigDecimal value,
        JsonNode scans,
        String recordedBy,
        Instant recordedAt) {}
