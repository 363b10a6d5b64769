package org.lotledger.transfers;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the receipt of a transfer answers: a scan, the close, the scans and discrepancies so far. */
public final class TransferReceiptView {

    private TransferReceiptView() {}

    /**
     * A scan that was received: posted out of the in-transit location, in part or whole ({@code setAsideQuantity}
     * above what was still in transit of the lot was kept and set aside, not posted).
     *
     * @param landedStatus AVAILABLE, HOLD (an open hold adopted it: {@code holdId}) or QUARANTINE (damaged, excursion)
     * @param putaway      where this stock belongs (dmn/putaway-zone.dmn through putaway's DirectingPutaway): the
     *                     zone and its best locations; {@code inDirectedZone} says whether the scanned location is
     *                     in that zone
     * @param stillInTransit what is still in transit of this lot for the transfer after the scan
     */
    @Schema(name = "TransferReceiptScanAnswer")
    public record Scanned(
            long transferOrderId,
            String orderNumber,
            List<Long> scanIds,
            long lotId,
            String internalLabel,
            String location,
            String condition,
            long quantity,
            long receivedQuantity,
            long setAsideQuantity,
            String landedStatus,
            Long holdId,
            boolean excursion,
            List<Long> postingIds,
            Putaway putaway,
            long stillInTransit,
            TransferStatus status) {}

    @Schema(name = "TransferReceiptPutaway")
    public record Putaway(String directedZone, List<String> locations, boolean inDirectedZone) {}

    /** One scan as kept (append-only); {@code round}: the receipt round it belongs to (1, then 2 after a close, ...). */
    @Schema(name = "TransferReceiptScanView")
    public record Scan(
            long id,
            long lineId,
            Long shippedLotId,
            long lotId,
            String internalLabel,
            String scannedLabel,
            String location,
            String condition,
            long quantity,
            String outcome,
            String landedStatus,
            Long holdId,
            Long postingId,
            String setAsideReason,
            Boolean coldChainInRange,
            BigDecimal coldChainMinCelsius,
            BigDecimal coldChainMaxCelsius,
            boolean excursion,
            String scannedBy,
            Instant scannedAt,
            int round) {}

    /** The receipt so far: its scans, and once closed who closed it and the discrepancies recorded. */
    @Schema(name = "TransferReceiptView")
    public record Receipt(
            long transferOrderId,
            String orderNumber,
            TransferStatus status,
            String closedBy,
            Instant closedAt,
            List<Scan> scans,
            List<Discrepancy> discrepancies) {}

    /** The close: the discrepancies it recorded and whether some of the transfer is still in transit. */
    @Schema(name = "TransferReceiptClose")
    public record Closed(
            long transferOrderId,
            String orderNumber,
            TransferStatus status,
            String closedBy,
            Instant closedAt,
            boolean stillInTransit,
            List<Discrepancy> discrepancies) {}

    /** A discrepancy as recorded ({@link TransferDiscrepancy}), its scans as a list. */
    @Schema(name = "TransferReceiptDiscrepancyView")
    public record Discrepancy(
            long id,
            long transferOrderLineId,
            DiscrepancyType type,
            long lotId,
            Long receivedLotId,
            long expectedQuantity,
            long actualQuantity,
            long quantity,
            BigDecimal value,
            List<com.fasterxml.jackson.databind.JsonNode> scans,
            String recordedBy,
            Instant recordedAt) {

        static Discrepancy of(TransferDiscrepancy d) {
            List<com.fasterxml.jackson.databind.JsonNode> scans = new java.util.ArrayList<>();
            d.scans().forEach(scans::add);
            return new Discrepancy(
                    d.id(),
                    d.transferOrderLineId(),
                    d.type(),
                    d.lotId(),
                    d.receivedLotId(),
                    d.expectedQuantity().longValueExact(),
                    d.actualQuantity().longValueExact(),
                    d.quantity().longValueExact(),
                    d.value(),
                    scans,
                    d.recordedBy(),
                    d.recordedAt());
        }
    }

    /** One lot of one transfer still in transit ({@code GET /api/in-transit}). */
    @Schema(name = "InTransitView")
    public record InTransit(
            long transferOrderId,
            String orderNumber,
            String fromWarehouseCode,
            String toWarehouseCode,
            String inTransitLocationCode,
            long lotId,
            String lotNumber,
            String internalLabel,
            String sku,
            long quantity,
            String baseUom,
            BigDecimal value,
            String currency,
            Instant shippedAt,
            Instant expectedArrivalAt,
            Instant overdueAt,
            boolean overdue,
            long ageHours) {}
}
