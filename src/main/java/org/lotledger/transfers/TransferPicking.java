package org.lotledger.transfers;

import java.util.Map;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.DemandSource;
import org.springframework.stereotype.Component;

/**
 * Transfer orders as a {@link DemandSource} of fulfilment's pick tasks: a task is made over the transfer's pending
 * TRANSFER_ORDER reservations in the origin warehouse ("Pick transfer TO-EAST-3 · 2 lines"), and each confirmed pick
 * raises the line's picked quantity (PICKING follows).
 */
@Component
class TransferPicking implements DemandSource {

    private final OrderingTransfers ordering;
    private final TransferRows rows;
    private final TransferQueries queries;
    private final CatalogQueries catalog;

    TransferPicking(OrderingTransfers ordering, TransferRows rows, TransferQueries queries, CatalogQueries catalog) {
        this.ordering = ordering;
        this.rows = rows;
        this.queries = queries;
        this.catalog = catalog;
    }

    /** The item's minimum remaining shelf life at shipment (a transfer has no customer minimum), as allocation used. */
    @Override
    public Integer minimumRemainingShelfLifeDays(long orderId, long lineId) {
        return rows.lines(orderId).stream()
                .filter(l -> l.id() == lineId)
                .findFirst()
                .flatMap(l -> catalog.findItem(l.itemId()))
                .map(i -> i.minRemainingShelfLifeAtShipmentDays())
                .orElse(null);
    }

    @Override
    public String demandType() {
        return AllocatingTransfers.DEMAND_TYPE;
    }

    @Override
    public PickableOrder lockForPicking(long orderId, Actor actor) {
        TransferRows.Header h = ordering.lockChangeable(orderId);
        return new PickableOrder(
                h.id(), h.number(), h.fromWarehouseId(), h.fromCode(), "Transfer order", "transfer", "transferOrderId");
    }

    @Override
    public void picked(long orderId, long lineId, long quantity) {
        TransferRows.Header h = rows.lock(orderId).orElseThrow(() -> TransferQueries.notFound(orderId));
        TransferRows.LineRow line = rows.lines(orderId).stream()
                .filter(l -> l.id() == lineId)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no line " + lineId + " on transfer order " + orderId));
        if (line.picked() + quantity > line.allocated()) {
            throw DomainException.conflict(
                    "PICKED_ABOVE_ALLOCATED",
                    "Line " + line.lineNumber() + " of " + h.number() + " has " + line.allocated() + " allocated and "
                            + line.picked() + " picked; " + quantity + " more cannot be picked for it.",
                    Map.of("transferOrderLineId", lineId));
        }
        rows.addPicked(lineId, quantity);
        queries.refreshStatus(orderId, null, null);
    }
}
