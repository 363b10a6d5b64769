package org.lotledger.transfers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.ledger.LedgerQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET /api/in-transit}: per transfer and lot, what is still in transit, read from the ledger
 * ({@link LedgerQueries#inTransit}, the legs at the in-transit locations under the transfer's reference) and joined
 * with the transfer's dispatch, expected arrival and overdue time.
 */
@Service
public class TransfersInTransit {

    private final LedgerQueries stock;
    private final TransferReceiptRows receipts;
    private final TransferCatalog catalog;
    private final Clock clock;

    TransfersInTransit(LedgerQueries stock, TransferReceiptRows receipts, TransferCatalog catalog, Clock clock) {
        this.stock = stock;
        this.receipts = receipts;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * @param warehouse the origin or the destination (id or code); null for every warehouse; an unknown one has
     *                  nothing in transit
     * @param overdue   true: only what is past its overdue time; false: only what is not; null: both
     */
    @Transactional(readOnly = true)
    public List<TransferReceiptView.InTransit> list(String warehouse, Boolean overdue) {
        Long warehouseId = null;
        if (warehouse != null && !warehouse.isBlank()) {
            warehouseId = catalog.resolveWarehouseId(warehouse.trim());
            if (warehouseId == null) {
                return List.of();
            }
        }
        List<LedgerQueries.InTransit> rows = stock
                .inTransit(new LedgerQueries.InTransitFilter(null, null, ReceivingTransfers.REFERENCE_TYPE, null, null))
                .stream()
                .filter(r -> r.quantity() > 0)
                .toList();
        Map<String, TransferReceiptRows.Timing> timing = new HashMap<>();
        receipts.timings(rows.stream()
                        .map(LedgerQueries.InTransit::referenceId)
                        .distinct()
                        .toList())
                .forEach(t -> timing.put(t.number(), t));
        Instant now = clock.instant();
        List<TransferReceiptView.InTransit> answer = new ArrayList<>();
        for (LedgerQueries.InTransit r : rows) {
            TransferReceiptRows.Timing t = timing.get(r.referenceId());
            if (t == null) {
                continue; // a TRANSFER_ORDER reference that is no transfer of ours
            }
            if (warehouseId != null && r.fromWarehouseId() != warehouseId && r.toWarehouseId() != warehouseId) {
                continue;
            }
            boolean late = t.overdueAt() != null && now.isAfter(t.overdueAt());
            if (overdue != null && overdue != late) {
                continue;
            }
            Instant shippedAt = r.firstShippedAt() != null ? r.firstShippedAt() : t.dispatchedAt();
            answer.add(new TransferReceiptView.InTransit(
                    t.id(),
                    t.number(),
                    r.fromWarehouseCode(),
                    r.toWarehouseCode(),
                    r.locationCode(),
                    r.lotId(),
                    r.lotNumber(),
                    r.internalLabel(),
                    r.sku(),
                    r.quantity(),
                    r.baseUom(),
                    r.unitCost() == null ? null : r.unitCost().multiply(BigDecimal.valueOf(r.quantity())),
                    r.currency(),
                    shippedAt,
                    t.expectedArrivalAt(),
                    t.overdueAt(),
                    late,
                    shippedAt == null ? 0 : Duration.between(shippedAt, now).toHours()));
        }
        return answer;
    }
}
