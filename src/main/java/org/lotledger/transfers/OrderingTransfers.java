package org.lotledger.transfers;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.TemperatureClass;
import org.lotledger.catalog.location.WarehouseView;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.OrderLineCatalog;
import org.lotledger.fulfillment.SalesOrderPolicy;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.VoidReason;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places transfer orders and cancels their lines or the whole order; one transaction per request, every rule checked
 * before the first row is written. Cancelling voids the line's pending reservations (reason CANCELLED) as a sales
 * order's cancellation does, so nothing stays reserved for a cancelled line; a transfer that has left its origin is
 * not cancelled ({@code TRANSFER_ORDER_NOT_OPEN}).
 */
@Service
public class OrderingTransfers {

    private final TransferRows rows;
    private final OrderLineCatalog catalog;
    private final CatalogQueries locations;
    private final TransitTimes transitTimes;
    private final TransferPolicy policy;
    private final Reservations reservations;
    private final TransferQueries queries;

    OrderingTransfers(
            TransferRows rows,
            OrderLineCatalog catalog,
            CatalogQueries locations,
            TransitTimes transitTimes,
            java.time.Clock clock,
            Reservations reservations,
            TransferQueries queries) {
        this.rows = rows;
        this.catalog = catalog;
        this.locations = locations;
        this.transitTimes = transitTimes;
        this.policy = new TransferPolicy(clock);
        this.reservations = reservations;
        this.queries = queries;
    }

    private record CheckedLine(int number, long itemId, BigDecimal quantity, String uom, Long lotId, long base) {}

    /**
     * @throws DomainException UNKNOWN_WAREHOUSE, UNKNOWN_ITEM, UNKNOWN_LOT (404); SAME_WAREHOUSE, WAREHOUSE_INACTIVE,
     *                         ITEM_INACTIVE, ITEM_REFERENCE_REQUIRED, UOM_REQUIRED, UOM_NOT_CONVERTIBLE,
     *                         INVALID_QUANTITY, INVALID_GTIN, LOT_NOT_OF_ITEM, AMBIGUOUS_LOT, SHIP_DATE_OUT_OF_RANGE,
     *                         TEMPERATURE_CLASS_MIXED (422)
     */
    @Transactional
    public TransferOrderView place(TransferOrderDraft draft, Actor actor) {
        TransferPolicy.checkWarehouses(draft.fromWarehouseCode(), draft.toWarehouseCode());
        for (int i = 0; i < draft.lines().size(); i++) {
            TransferOrderDraft.Line l = draft.lines().get(i);
            SalesOrderPolicy.checkItemReference(i + 1, l.sku(), l.gtin(), l.uom());
        }
        WarehouseView from = catalog.activeWarehouse(draft.fromWarehouseCode());
        WarehouseView to = catalog.activeWarehouse(draft.toWarehouseCode());
        policy.checkShipDate(draft.shipDate(), ZoneId.of(from.timeZone()));
        List<CheckedLine> lines = new ArrayList<>();
        Map<Integer, TemperatureClass> classes = new LinkedHashMap<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            int n = i + 1;
            TransferOrderDraft.Line l = draft.lines().get(i);
            OrderLineCatalog.OrderedItem ordered = catalog.activeItem(n, l.sku(), l.gtin(), l.uom());
            if (l.quantity().signum() <= 0) {
                throw DomainException.unprocessable(
                        "INVALID_QUANTITY",
                        "Line " + n + ": a quantity is more than 0, not "
                                + l.quantity().toPlainString(),
                        Map.of("line", n));
            }
            long base = catalog.toBaseUnits(n, ordered.item().id(), l.quantity(), ordered.uom());
            Long lotId = null;
            if (l.lot() != null && !l.lot().isBlank()) {
                LotView lot = catalog.requestedLot(n, ordered.item(), l.lot());
                lotId = lot.id();
            }
            classes.put(n, ordered.item().temperatureClass());
            lines.add(new CheckedLine(n, ordered.item().id(), l.quantity(), ordered.uom(), lotId, base));
        }
        TemperatureClass temperatureClass = TransferPolicy.singleTemperatureClass(classes);
        // the pair's in-transit location exists for every ordered pair of warehouses (the catalog makes them)
        locations.inTransitLocationId(from.id(), to.id());
        TransitTimes.TransitTime transit = transitTimes.of(from.code(), to.code(), temperatureClass.name());
        String number = "TO-" + from.code() + "-" + rows.nextNumber(from.id());
        long id = rows.insertOrder(
                number,
                from.id(),
                to.id(),
                temperatureClass.name(),
                draft.shipDate(),
                draft.reason().strip(),
                draft.note() == null || draft.note().isBlank()
                        ? null
                        : draft.note().strip(),
                transit.days(),
                transit.graceHours(),
                transit.rule(),
                draft.shipDate().plusDays(transit.days()),
                actor.userId());
        for (CheckedLine l : lines) {
            rows.insertLine(id, l.number(), l.itemId(), l.quantity(), l.uom(), l.lotId(), l.base());
        }
        return queries.get(id);
    }

    /** Cancels one line (409 TRANSFER_ORDER_NOT_OPEN, TRANSFER_ORDER_LINE_NOT_OPEN; 404 unknown order or line). */
    @Transactional
    public TransferOrderView cancelLine(long orderId, long lineId, String reason, Actor actor) {
        TransferRows.Header h = lockChangeable(orderId);
        TransferRows.LineRow line = rows.lines(orderId).stream()
                .filter(l -> l.id() == lineId)
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_TRANSFER_ORDER_LINE",
                        "Transfer order " + h.number() + " has no line " + lineId + ".",
                        Map.of("transferOrderId", orderId, "transferOrderLineId", lineId)));
        if (line.cancelled() == line.ordered()) {
            throw DomainException.conflict(
                    "TRANSFER_ORDER_LINE_NOT_OPEN",
                    "Line " + line.lineNumber() + " of " + h.number() + " is cancelled already.",
                    Map.of("transferOrderLineId", lineId));
        }
        cancel(h, List.of(line), reason, actor);
        return queries.get(orderId);
    }

    /** Cancels every open line and so the order (409 TRANSFER_ORDER_NOT_OPEN once dispatched or cancelled). */
    @Transactional
    public TransferOrderView cancel(long orderId, String reason, Actor actor) {
        TransferRows.Header h = lockChangeable(orderId);
        List<TransferRows.LineRow> open = rows.lines(orderId).stream()
                .filter(l -> l.cancelled() < l.ordered())
                .toList();
        cancel(h, open, reason, actor);
        return queries.get(orderId);
    }

    private void cancel(TransferRows.Header h, List<TransferRows.LineRow> lines, String reason, Actor actor) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        List<Long> pending = new ArrayList<>();
        for (TransferRows.LineRow l : lines) {
            reservations
                    .forDemand(AllocatingTransfers.DEMAND_TYPE, String.valueOf(h.id()), String.valueOf(l.id()))
                    .stream()
                    .filter(r -> r.state() == Reservation.State.PENDING)
                    .forEach(r -> pending.add(r.id()));
        }
        if (!pending.isEmpty()) {
            // ReservationsVoided(CANCELLED) follows: open pick lines of these reservations are voided with them
            reservations.voidPending(pending, VoidReason.CANCELLED, actor);
        }
        for (TransferRows.LineRow l : lines) {
            rows.cancelLine(l.id(), actor.userId(), why);
        }
        queries.refreshStatus(h.id(), actor.userId(), why);
    }

    TransferRows.Header lockChangeable(long orderId) {
        TransferRows.Header h = rows.lock(orderId).orElseThrow(() -> TransferQueries.notFound(orderId));
        if (!h.status().beforeDispatch()) {
            throw TransferQueries.notOpen(h);
        }
        return h;
    }
}
