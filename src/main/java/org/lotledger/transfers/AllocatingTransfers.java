package org.lotledger.transfers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.common.Actor;
import org.lotledger.fulfillment.AllocatingOrders;
import org.lotledger.fulfillment.AllocationOutcome;
import org.lotledger.fulfillment.DemandToAllocate;
import org.lotledger.fulfillment.ReservationLines;
import org.lotledger.ledger.LedgerQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allocates a transfer order's lines with the sales orders' rules and service (ADR 0012, docs/fulfillment.md
 * "Allocation") through {@link AllocatingOrders#allocate(DemandToAllocate, Actor)}: the transfer's row is locked,
 * the lines' remainders become a demand of type {@value #DEMAND_TYPE} from the origin warehouse with the item's minimum
 * remaining shelf life at shipment (a transfer has no customer minimum), and the reservations carry
 * {@code Demand("TRANSFER_ORDER", orderId, lineId)}. The lines' allocated quantities rise by what was reserved.
 */
@Service
public class AllocatingTransfers {

    public static final String DEMAND_TYPE = "TRANSFER_ORDER";

    private final OrderingTransfers ordering;
    private final TransferRows rows;
    private final TransferCatalog catalog;
    private final AllocatingOrders allocating;
    private final TransferQueries queries;
    private final LedgerQueries ledger;

    AllocatingTransfers(
            OrderingTransfers ordering,
            TransferRows rows,
            TransferCatalog catalog,
            AllocatingOrders allocating,
            TransferQueries queries,
            LedgerQueries ledger) {
        this.ordering = ordering;
        this.rows = rows;
        this.catalog = catalog;
        this.allocating = allocating;
        this.queries = queries;
        this.ledger = ledger;
    }

    /** Allocates what is unallocated of the lines; 404 unknown, 409 TRANSFER_ORDER_NOT_OPEN once dispatched. */
    @Transactional
    public TransferAllocationView allocate(long orderId, Actor actor) {
        TransferRows.Header h = ordering.lockChangeable(orderId);
        List<DemandToAllocate.Line> open = new ArrayList<>();
        for (TransferRows.LineRow l : rows.lines(orderId)) {
            if (l.unallocated() > 0) {
                ItemView item = catalog.item(l.itemId()).orElseThrow();
                open.add(new DemandToAllocate.Line(
                        l.id(),
                        l.itemId(),
                        l.unallocated(),
                        item.minRemainingShelfLifeAtShipmentDays(),
                        l.requestedLotId()));
            }
        }
        if (open.isEmpty()) {
            return view(orderId, 0, Map.of());
        }
        AllocationOutcome outcome =
                allocating.allocate(new DemandToAllocate(DEMAND_TYPE, orderId, h.fromWarehouseId(), open), actor);
        outcome.reserved().forEach((line, q) -> {
            if (q > 0) {
                rows.addAllocated(line, q);
            }
        });
        queries.refreshStatus(orderId, actor.userId(), null);
        return view(orderId, outcome.attempts(), outcome.shortfall());
    }

    @Transactional(readOnly = true)
    public TransferAllocationView get(long orderId) {
        rows.find(orderId).orElseThrow(() -> TransferQueries.notFound(orderId));
        return view(orderId, 0, Map.of());
    }

    private TransferAllocationView view(
            long orderId, int attempts, Map<Long, List<AllocationOutcome.Short>> shortfall) {
        TransferRows.Header h = rows.find(orderId).orElseThrow(() -> TransferQueries.notFound(orderId));
        List<LedgerQueries.ReservationDetail> details = ledger.reservationDetails(DEMAND_TYPE, String.valueOf(orderId));
        List<TransferAllocationView.Line> lines = new ArrayList<>();
        for (TransferRows.LineRow l : rows.lines(orderId)) {
            List<TransferAllocationView.ReservationLine> rs =
                    ReservationLines.ofLine(details, l.id(), TransferAllocationView.ReservationLine::new);
            lines.add(new TransferAllocationView.Line(
                    l.id(),
                    l.lineNumber(),
                    l.itemId(),
                    l.ordered(),
                    l.allocated(),
                    shortfall.getOrDefault(l.id(), List.of()).stream()
                            .map(s -> new TransferAllocationView.Shortfall(s.reason(), s.quantity()))
                            .toList(),
                    rs));
        }
        return new TransferAllocationView(orderId, h.status(), attempts, lines);
    }
}
