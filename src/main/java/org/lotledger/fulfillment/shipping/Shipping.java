package org.lotledger.fulfillment.shipping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.location.LocationView;
import org.lotledger.catalog.location.WarehouseService;
import org.lotledger.catalog.location.ZoneType;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.RecordingShipments;
import org.lotledger.fulfillment.SalesOrderQueries;
import org.lotledger.fulfillment.SalesOrderView;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;
import org.lotledger.ledger.VoidReason;
import org.lotledger.platform.security.Groups;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens shipments over what is staged for a sales order and dispatches them (issue 9 §7). Staged is a pending
 * SALES_ORDER reservation of the order at a SHIPPING-zone location of its warehouse (the pick leaves one there) that
 * no other shipment names. The dispatch is one SHIPMENT posting from the staging locations to the customer's
 * location that posts those reservations, then the order's shipped quantities. Only the staff of the order's
 * warehouse open and dispatch ({@code NOT_WAREHOUSE_STAFF}); every check comes before the first write.
 */
@Service
@NamedInterface("shipping")
public class Shipping {

    static final String DEMAND = "SALES_ORDER";

    private final ShipmentRows rows;
    private final SalesOrderQueries orders;
    private final RecordingShipments recording;
    private final Reservations reservations;
    private final Ledger ledger;
    private final LedgerQueries stock;
    private final CatalogQueries catalog;
    private final WarehouseService warehouses;

    Shipping(
            ShipmentRows rows,
            SalesOrderQueries orders,
            RecordingShipments recording,
            Reservations reservations,
            Ledger ledger,
            LedgerQueries stock,
            CatalogQueries catalog,
            WarehouseService warehouses) {
        this.rows = rows;
        this.orders = orders;
        this.recording = recording;
        this.reservations = reservations;
        this.ledger = ledger;
        this.stock = stock;
        this.catalog = catalog;
        this.warehouses = warehouses;
    }

    @Transactional
    public ShipmentView open(long orderId, Actor actor) {
        SalesOrderView order = orders.get(orderId);
        requireStaff(actor, order.warehouseCode());
        rows.lockOrder(orderId);
        Set<Long> lineIds = new java.util.HashSet<>();
        order.lines().forEach(l -> lineIds.add(l.id()));
        List<Reservation> pending = reservations.forDemand(DEMAND, String.valueOf(orderId), null).stream()
                .filter(r -> r.state() == Reservation.State.PENDING)
                .filter(r -> isLineOf(r, lineIds))
                .filter(r -> isStaging(r.locationId(), order.warehouseId()))
                .toList();
        Set<Long> taken = rows.reservationsOnShipments(
                pending.stream().map(Reservation::id).toList());
        List<Reservation> staged = new ArrayList<>(
                pending.stream().filter(r -> !taken.contains(r.id())).toList());
        if (staged.isEmpty()) {
            throw DomainException.conflict(
                    "NOTHING_STAGED",
                    "Nothing of sales order " + order.orderNumber()
                            + " is staged at a shipping location outside another shipment.",
                    Map.of("salesOrderId", orderId));
        }
        staged.sort(Comparator.comparingLong(
                        (Reservation r) -> Long.parseLong(r.demand().line()))
                .thenComparingLong(Reservation::lotId)
                .thenComparingLong(Reservation::locationId)
                .thenComparingLong(Reservation::id));
        String number = "SH-" + order.warehouseCode() + "-" + rows.nextNumber(order.warehouseId());
        long id = rows.insert(number, orderId, order.warehouseId(), order.customerId(), actor.userId());
        int n = 1;
        for (Reservation r : staged) {
            long itemId = catalog.findLot(r.lotId()).map(LotView::itemId).orElseThrow();
            rows.insertLine(
                    id,
                    n++,
                    Long.parseLong(r.demand().line()),
                    r.id(),
                    itemId,
                    r.lotId(),
                    r.locationId(),
                    r.quantity());
        }
        return get(id);
    }

    /**
     * Dispatches an open shipment: the scanned staging location must be one of its lines'; a line blocked by a hold
     * refuses it ({@code LOT_ON_HOLD}); what is still staged ships in one SHIPMENT posting that posts the
     * reservations.
     */
    @Transactional
    public ShipmentView dispatch(long shipmentId, String scannedBarcode, Actor actor, String idempotencyKey) {
        ShipmentRows.Header found = rows.find(shipmentId).orElseThrow(() -> unknown(shipmentId));
        requireStaff(actor, warehouses.get(found.warehouseId()).code());
        ShipmentRows.Header s = rows.lock(shipmentId).orElseThrow(() -> unknown(shipmentId));
        if (s.state().equals("DISPATCHED")) {
            throw DomainException.conflict(
                    "SHIPMENT_ALREADY_DISPATCHED",
                    "Shipment " + s.number() + " was dispatched already (posting " + s.postingId() + ").",
                    Map.of("shipmentNumber", s.number(), "postingId", s.postingId()));
        }
        List<ShipmentRows.LineRow> lines = rows.lines(shipmentId);
        LocationView scanned = catalog.findLocationByBarcode(scannedBarcode).orElse(null);
        List<String> expected = lines.stream()
                .map(l -> barcode(l.locationId()))
                .distinct()
                .sorted()
                .toList();
        if (scanned == null || lines.stream().noneMatch(l -> l.locationId() == scanned.id())) {
            throw DomainException.unprocessable(
                    "WRONG_LOCATION",
                    "Location " + scannedBarcode + " is not a staging location of shipment " + s.number() + " ("
                            + expected + ").",
                    Map.of("scanned", scannedBarcode, "expected", expected));
        }
        List<ShipmentRows.LineRow> staged = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (ShipmentRows.LineRow l : lines) {
            Reservation r = reservations.get(l.reservationId());
            String state = state(r, l, false);
            if (state.equals("BLOCKED_BY_HOLD")) {
                held.add(catalog.findLot(l.lotId()).map(LotView::internalLabel).orElse("#" + l.lotId()));
            } else if (state.equals("STAGED")) {
                staged.add(l);
            }
        }
        if (!held.isEmpty()) {
            throw DomainException.conflict(
                    "LOT_ON_HOLD",
                    "Shipment " + s.number() + " has held stock at its staging location: " + held
                            + "; quality decides the hold before it ships.",
                    Map.of("lots", held));
        }
        if (staged.isEmpty()) {
            throw DomainException.conflict(
                    "NOTHING_STAGED",
                    "Nothing of shipment " + s.number() + " is staged any more.",
                    Map.of("shipmentNumber", s.number()));
        }
        long customerLocation = catalog.customerLocationId(s.customerId());
        PostingRequest.Builder posting = PostingRequest.of(
                        PostingType.SHIPMENT, actor, "shipment-dispatch:" + shipmentId + ":" + idempotencyKey)
                .reference("SHIPMENT", s.number())
                .note("Shipment " + s.number() + " of sales order " + s.orderNumber());
        Map<Long, Long> byLine = new LinkedHashMap<>();
        for (ShipmentRows.LineRow l : staged) {
            posting.movement(new Movement(
                            l.lotId(),
                            l.locationId(),
                            StockStatus.AVAILABLE,
                            customerLocation,
                            StockStatus.AVAILABLE,
                            l.staged()))
                    .consumes(l.reservationId(), l.staged());
            byLine.merge(l.orderLineId(), l.staged(), Long::sum);
        }
        Posting posted = ledger.post(posting.build());
        rows.dispatched(shipmentId, posted.id(), actor.userId(), scanned.id());
        for (ShipmentRows.LineRow l : lines) {
            rows.shipped(l.id(), staged.contains(l) ? l.staged() : 0);
        }
        recording.shipped(s.orderId(), byLine, actor.userId());
        return get(shipmentId);
    }

    @Transactional(readOnly = true)
    public ShipmentView get(long shipmentId) {
        return view(rows.find(shipmentId).orElseThrow(() -> unknown(shipmentId)));
    }

    @Transactional(readOnly = true)
    public List<ShipmentView> list(
            String warehouse, Long customerId, Long orderId, String state, int limit, int offset) {
        Long warehouseId = null;
        if (warehouse != null && !warehouse.isBlank()) {
            warehouseId = warehouse.chars().allMatch(Character::isDigit)
                    ? Long.valueOf(warehouse)
                    : warehouses.list(null).stream()
                            .filter(w -> w.code().equalsIgnoreCase(warehouse.trim()))
                            .map(w -> w.id())
                            .findFirst()
                            .orElse(-1L);
        }
        String st = state == null || state.isBlank() ? null : state.trim().toUpperCase();
        if (st != null && !st.equals("OPEN") && !st.equals("DISPATCHED")) {
            throw new DomainException(
                    "INVALID_VALUE",
                    DomainException.Kind.BAD_REQUEST,
                    "A shipment's state is OPEN or DISPATCHED, not " + state + ".",
                    Map.of("parameter", "state"));
        }
        return rows.list(warehouseId, customerId, orderId, st, limit, offset).stream()
                .map(this::view)
                .toList();
    }

    ShipmentView view(ShipmentRows.Header s) {
        List<ShipmentView.Line> lines = new ArrayList<>();
        for (ShipmentRows.LineRow l : rows.lines(s.id())) {
            Reservation r = reservations.get(l.reservationId());
            LotView lot = catalog.findLot(l.lotId()).orElseThrow();
            lines.add(new ShipmentView.Line(
                    l.lineNo(),
                    l.orderLineId(),
                    l.reservationId(),
                    l.itemId(),
                    l.lotId(),
                    lot.lotNumber(),
                    lot.internalLabel(),
                    lot.expiresOn(),
                    l.locationId(),
                    barcode(l.locationId()),
                    l.staged(),
                    l.shipped(),
                    state(r, l, s.state().equals("DISPATCHED"))));
        }
        return new ShipmentView(
                s.id(),
                s.number(),
                s.orderId(),
                s.orderNumber(),
                s.warehouseId(),
                s.customerId(),
                s.state(),
                s.openedBy(),
                s.openedAt(),
                s.dispatchedBy(),
                s.dispatchedAt(),
                s.postingId(),
                lines);
    }

    /** A line's state from its reservation and, for one a hold voided, whether held stock is still at staging. */
    private String state(Reservation r, ShipmentRows.LineRow l, boolean dispatched) {
        if (dispatched && l.shipped() != null && l.shipped() > 0) {
            return "SHIPPED";
        }
        if (r.state() == Reservation.State.PENDING) {
            return "STAGED";
        }
        if (r.state() == Reservation.State.VOIDED
                && r.voidReason() == VoidReason.HOLD
                && stock.quantity(l.lotId(), l.locationId(), StockStatus.HOLD) > 0) {
            return ShipmentLineStates.BLOCKED_BY_HOLD;
        }
        return "RELEASED";
    }

    private boolean isStaging(long locationId, long warehouseId) {
        return catalog.findLocation(locationId)
                .filter(loc -> loc.warehouseId() != null && loc.warehouseId() == warehouseId && loc.zoneId() != null)
                .flatMap(loc -> catalog.findZone(loc.zoneId()))
                .map(z -> z.zoneType() == ZoneType.SHIPPING)
                .orElse(false);
    }

    private static boolean isLineOf(Reservation r, Set<Long> lineIds) {
        try {
            return lineIds.contains(Long.parseLong(r.demand().line()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String barcode(long locationId) {
        return catalog.findLocation(locationId)
                .map(l -> l.barcode() == null ? l.code() : l.barcode())
                .orElse("#" + locationId);
    }

    static void requireStaff(Actor actor, String warehouseCode) {
        if (!actor.worksAt(warehouseCode, Groups.WAREHOUSE)) {
            throw new DomainException(
                    "NOT_WAREHOUSE_STAFF",
                    DomainException.Kind.FORBIDDEN,
                    actor.userId() + " is not warehouse staff of " + warehouseCode + ".",
                    Map.of("warehouse", warehouseCode));
        }
    }

    static DomainException unknown(long shipmentId) {
        return DomainException.notFound(
                "UNKNOWN_SHIPMENT", "Shipment " + shipmentId + " does not exist.", Map.of("shipmentId", shipmentId));
    }
}
