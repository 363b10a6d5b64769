package org.lotledger.transfers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.location.LocationView;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.common.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads transfer orders (one, a list) and keeps their status derived from the lines ({@link TransferStates}). */
@Service
public class TransferQueries {

    private final TransferRows rows;
    private final TransferCatalog catalog;
    private final CatalogQueries locations;

    TransferQueries(TransferRows rows, TransferCatalog catalog, CatalogQueries locations) {
        this.rows = rows;
        this.catalog = catalog;
        this.locations = locations;
    }

    /** @throws DomainException UNKNOWN_TRANSFER_ORDER (404) */
    @Transactional(readOnly = true)
    public TransferOrderView get(long id) {
        return view(rows.find(id).orElseThrow(() -> notFound(id)));
    }

    /**
     * Newest first; {@code warehouse} (id or code) matches origin or destination; {@code status} one of
     * {@link TransferStatus}.
     */
    @Transactional(readOnly = true)
    public List<TransferOrderView> list(String warehouse, TransferStatus status, int limit, int offset) {
        Long warehouseId = null;
        if (warehouse != null && !warehouse.isBlank()) {
            warehouseId = catalog.resolveWarehouseId(warehouse.trim());
            if (warehouseId == null) {
                return List.of();
            }
        }
        return rows.list(warehouseId, status == null ? null : status.name(), limit, offset).stream()
                .map(this::view)
                .toList();
    }

    /** The order's status again from its lines and dispatch (the order's row is locked by the caller). */
    void refreshStatus(long orderId, String actor, String reason) {
        TransferRows.Header h = rows.find(orderId).orElseThrow(() -> notFound(orderId));
        TransferStatus status = TransferStates.ofOrder(
                rows.lines(orderId).stream()
                        .map(TransferRows.LineRow::quantities)
                        .toList(),
                h.dispatchedAt() != null,
                h.status() == TransferStatus.CLOSED);
        rows.status(orderId, status, actor, reason);
    }

    TransferOrderView view(TransferRows.Header h) {
        boolean dispatched = h.dispatchedAt() != null;
        List<TransferRows.ShippedRow> shipped = rows.shipped(h.id());
        List<TransferOrderView.Line> lines = new ArrayList<>();
        for (TransferRows.LineRow l : rows.lines(h.id())) {
            ItemView item = catalog.item(l.itemId()).orElseThrow();
            List<TransferOrderView.ShippedLot> lots = shipped.stream()
                    .filter(s -> s.lineId() == l.id())
                    .map(s -> {
                        LotView lot = catalog.lot(s.lotId()).orElseThrow();
                        return new TransferOrderView.ShippedLot(
                                s.id(),
                                s.lotId(),
                                lot.lotNumber(),
                                lot.internalLabel(),
                                lot.expiresOn(),
                                s.shipped(),
                                s.received(),
                                s.postingId(),
                                s.inTransitLocationId(),
                                locations
                                        .findLocation(s.inTransitLocationId())
                                        .map(LocationView::code)
                                        .orElse(null));
                    })
                    .toList();
            lines.add(new TransferOrderView.Line(
                    l.id(),
                    l.lineNumber(),
                    l.itemId(),
                    item.sku(),
                    l.quantity(),
                    l.uom(),
                    l.requestedLotId(),
                    l.requestedLotId() == null
                            ? null
                            : catalog.lot(l.requestedLotId())
                                    .map(LotView::internalLabel)
                                    .orElse(null),
                    l.ordered(),
                    item.baseUom(),
                    l.allocated(),
                    l.picked(),
                    l.shipped(),
                    l.received(),
                    l.cancelled(),
                    TransferStates.ofLine(l.quantities(), dispatched),
                    l.cancelledBy(),
                    l.cancelReason(),
                    lots));
        }
        return new TransferOrderView(
                h.id(),
                h.number(),
                h.fromCode(),
                h.toCode(),
                h.temperatureClass(),
                h.shipDate(),
                h.reason(),
                h.note(),
                h.status(),
                h.transitDays(),
                h.graceHours(),
                h.plannedArrival(),
                h.createdBy(),
                h.createdAt(),
                h.cancelledBy(),
                h.cancelReason(),
                h.dispatchedBy(),
                h.dispatchedAt(),
                h.stagingLocationId() == null
                        ? null
                        : locations
                                .findLocation(h.stagingLocationId())
                                .map(LocationView::code)
                                .orElse(null),
                h.coldChainLogger(),
                h.expectedArrivalAt(),
                h.overdueAt(),
                h.version(),
                lines);
    }

    static DomainException notFound(long id) {
        return DomainException.notFound(
                "UNKNOWN_TRANSFER_ORDER", "Transfer order " + id + " does not exist.", Map.of("transferOrderId", id));
    }

    static DomainException notOpen(TransferRows.Header h) {
        return DomainException.conflict(
                "TRANSFER_ORDER_NOT_OPEN",
                "Transfer order " + h.number() + " is " + h.status() + ": it takes no allocation, picking,"
                        + " cancellation or dispatch.",
                Map.of("transferOrderId", h.id(), "status", h.status().name()));
    }
}
