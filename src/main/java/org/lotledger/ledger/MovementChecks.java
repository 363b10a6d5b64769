package org.lotledger.ledger;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.StockFacts.LocationFacts;
import org.lotledger.ledger.StockFacts.LotFacts;
import org.lotledger.platform.security.Groups;

/**
 * The gate's checks of one movement, as pure functions over the facts the gate read under the lots' locks
 * ({@link StockFacts}). {@link #check} runs them in the gate's order; the first that fails refuses the posting.
 */
final class MovementChecks {

    /** Who may move stock that is on hold from one shelf to another. */
    static final Set<String> MOVE_HELD_STOCK = Set.of(Groups.QUALITY, Groups.QUALITY_MANAGERS);

    private MovementChecks() {}

    /**
     * @param underHold per lot and target location, the open quality hold an arrival (TRANSFER_IN, RETURN) not in
     *                  HOLD falls under, where there is one
     */
    static void check(PostingRequest r, Movement m, StockFacts facts, Map<HeldStock.LotAt, Long> underHold) {
        PostingType type = r.type();
        quantityIsPositive(m);
        LotFacts lot = knownLot(m, facts.lots());
        LocationFacts from = knownLocation(facts.locations(), m.fromLocationId());
        LocationFacts to = knownLocation(facts.locations(), m.toLocationId());
        if (type == PostingType.REVERSAL) {
            return; // the inverse of movements that passed these checks when they were posted
        }
        locationKinds(type, from, to);
        keepsOrChangesLocation(type, m, from, to);
        statusTransition(type, m);
        heldStockMovedByQuality(type, m, r.actor(), lot, from);
        arrivalUnderHold(type, m, lot, to, underHold.get(new HeldStock.LotAt(m.lotId(), m.toLocationId())));
        warehouses(from, to);
        target(m, lot, to);
    }

    /**
     * A RELABEL (ADR 0015) is exactly two movements of one quantity and status: the parent lot from a physical location
     * to the adjustment location, then a child lot of the same item from that adjustment location back to the same
     * physical location. Runs after each movement passed {@link #check}.
     */
    static void relabelShape(PostingRequest r, StockFacts facts) {
        if (r.type() != PostingType.RELABEL) {
            return;
        }
        List<Movement> ms = r.movements();
        boolean valid = ms.size() == 2;
        if (valid) {
            Movement parent = ms.get(0);
            Movement child = ms.get(1);
            valid = parent.lotId() != child.lotId()
                    && facts.lots().get(parent.lotId()).itemId()
                            == facts.lots().get(child.lotId()).itemId()
                    && facts.locations().get(parent.fromLocationId()).kind() == LocationKind.PHYSICAL
                    && parent.toLocationId() == child.fromLocationId()
                    && child.toLocationId() == parent.fromLocationId()
                    && parent.quantity() == child.quantity()
                    && parent.fromStatus() == child.toStatus();
        }
        if (!valid) {
            throw DomainException.unprocessable(
                    "RELABEL_SHAPE_INVALID",
                    "A RELABEL moves one quantity of a parent lot from a shelf to the adjustment location and the same"
                            + " quantity of a child lot of the same item from there back to that shelf, in that order.",
                    Map.of("movements", ms.size()));
        }
    }

    /** Whether the gate must ask the quality holds about this movement's arrival ({@link ArrivalHolds}). */
    static boolean isArrivalOutsideHold(PostingType type, Movement m) {
        return (type == PostingType.TRANSFER_IN || type == PostingType.RETURN) && m.toStatus() != StockStatus.HOLD;
    }

    static void quantityIsPositive(Movement m) {
        if (m.quantity() <= 0) {
            throw DomainException.unprocessable(
                    "INVALID_QUANTITY",
                    "Quantities are whole, positive numbers of the " + "item's base unit; got " + m.quantity() + ".",
                    Map.of("quantity", m.quantity()));
        }
    }

    static LotFacts knownLot(Movement m, Map<Long, LotFacts> lots) {
        LotFacts lot = lots.get(m.lotId());
        if (lot == null) {
            throw DomainException.notFound(
                    "UNKNOWN_LOT", "Lot " + m.lotId() + " does not exist.", Map.of("lotId", m.lotId()));
        }
        return lot;
    }

    static LocationFacts knownLocation(Map<Long, LocationFacts> locations, long id) {
        LocationFacts l = locations.get(id);
        if (l == null) {
            throw DomainException.notFound(
                    "UNKNOWN_LOCATION", "Location " + id + " does not exist.", Map.of("locationId", id));
        }
        return l;
    }

    /**
     * Each type moves stock between the kinds it lists; an adjustment's and a relabel's movements have the ADJUSTMENT
     * location on exactly one side.
     */
    static void locationKinds(PostingType type, LocationFacts from, LocationFacts to) {
        if (!type.fromKinds().contains(from.kind())
                || !type.toKinds().contains(to.kind())
                || ((type == PostingType.ADJUSTMENT || type == PostingType.RELABEL)
                        && (from.kind() == LocationKind.ADJUSTMENT) == (to.kind() == LocationKind.ADJUSTMENT))) {
            throw DomainException.unprocessable(
                    "LOCATION_KIND_NOT_ALLOWED",
                    type + " moves stock from " + type.fromKinds()
                            + " to " + type.toKinds() + " locations, not from " + from.code() + " (" + from.kind()
                            + ") to "
                            + to.code() + " (" + to.kind() + ").",
                    Map.of("postingType", type.name(), "from", from.code(), "to", to.code()));
        }
    }

    static void keepsOrChangesLocation(PostingType type, Movement m, LocationFacts from, LocationFacts to) {
        if (type.keepsLocation() != !m.changesLocation()) {
            throw DomainException.unprocessable(
                    "INVALID_MOVEMENT",
                    type.keepsLocation()
                            ? "A status change keeps the stock where it is."
                            : "Source and target location are the same: " + from.code() + ".",
                    Map.of("from", from.code(), "to", to.code()));
        }
    }

    static void statusTransition(PostingType type, Movement m) {
        if (!type.transitions().contains(new PostingType.StatusChange(m.fromStatus(), m.toStatus()))) {
            throw DomainException.unprocessable(
                    "STATUS_TRANSITION_NOT_ALLOWED",
                    type + " may not take stock from " + m.fromStatus() + " to " + m.toStatus() + ".",
                    Map.of(
                            "postingType",
                            type.name(),
                            "fromStatus",
                            String.valueOf(m.fromStatus()),
                            "toStatus",
                            String.valueOf(m.toStatus())));
        }
    }

    /** Only quality moves held stock from one shelf to another. */
    static void heldStockMovedByQuality(PostingType type, Movement m, Actor actor, LotFacts lot, LocationFacts from) {
        if (m.fromStatus() == StockStatus.HOLD
                && m.changesLocation()
                && type == PostingType.MOVE
                && !actor.isInAny(MOVE_HELD_STOCK)) {
            throw DomainException.unprocessable(
                    "LOT_ON_HOLD",
                    "Lot " + lot.internalLabel() + " is on hold at " + from.code() + "; only quality moves held stock.",
                    Map.of("lot", lot.internalLabel()));
        }
    }

    /**
     * Stock arriving from outside the warehouse where an open hold covers the lot or the place lands in HOLD. The lot
     * is locked: a hold placed meanwhile moves this stock to HOLD once we commit.
     *
     * @param holdId the open hold over the lot at the target, or null
     */
    static void arrivalUnderHold(PostingType type, Movement m, LotFacts lot, LocationFacts to, Long holdId) {
        if (isArrivalOutsideHold(type, m) && holdId != null) {
            throw DomainException.unprocessable(
                    "ARRIVAL_UNDER_HOLD",
                    "Lot " + lot.internalLabel() + " arriving at " + to.code() + " falls under open quality hold "
                            + holdId + ": it must arrive in HOLD.",
                    Map.of(
                            "lot",
                            lot.internalLabel(),
                            "location",
                            to.code(),
                            "holdId",
                            holdId,
                            "postingType",
                            type.name()));
        }
    }

    /**
     * Stock crosses warehouses only through an in-transit location of that pair. A status change in place crosses
     * nothing: without this, stock in transit (which counts as the destination's on its way out and the origin's by
     * its {@code warehouse_id}) could not change status where it is, which STATUS_CHANGE allows.
     */
    static void warehouses(LocationFacts from, LocationFacts to) {
        if (from.locationId() == to.locationId()) {
            return;
        }
        Long fromWh = from.kind() == LocationKind.IN_TRANSIT ? from.destinationWarehouseId() : from.warehouseId();
        Long toWh = to.warehouseId();
        boolean bothScoped = from.warehouseId() != null && to.warehouseId() != null;
        if (bothScoped && !Objects.equals(fromWh, toWh)) {
            throw DomainException.unprocessable(
                    "WAREHOUSE_MISMATCH",
                    "Stock moves from " + from.code() + " to " + to.code()
                            + " only through the in-transit location of that warehouse pair.",
                    Map.of("from", from.code(), "to", to.code()));
        }
    }

    /** Stock goes only to an active location, and on a shelf only to a zone that takes its status and its item. */
    static void target(Movement m, LotFacts lot, LocationFacts to) {
        if (!m.changesLocation()) {
            return;
        }
        if (!to.active()) {
            throw DomainException.unprocessable(
                    "LOCATION_INACTIVE", "Location " + to.code() + " is inactive.", Map.of("location", to.code()));
        }
        if (to.kind() != LocationKind.PHYSICAL) {
            return;
        }
        if (!to.allowedStatuses().contains(m.toStatus())) {
            throw DomainException.unprocessable(
                    "ZONE_REFUSES_STATUS",
                    "Location " + to.code() + " does not take " + m.toStatus() + " stock (its zone takes "
                            + to.allowedStatuses() + ").",
                    Map.of("location", to.code(), "stockStatus", m.toStatus().name()));
        }
        if (!to.allowedTemperatureClasses().contains(lot.temperatureClass())) {
            throw DomainException.unprocessable(
                    "ZONE_REFUSES_TEMPERATURE_CLASS",
                    "Location " + to.code()
                            + " does not take " + lot.temperatureClass() + " items (its zone takes "
                            + new TreeSet<>(to.allowedTemperatureClasses()) + ").",
                    Map.of("location", to.code(), "temperatureClass", lot.temperatureClass()));
        }
    }
}
