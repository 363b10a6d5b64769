package org.lotledger.ledger;

import static org.lotledger.catalog.location.LocationKind.CUSTOMER;
import static org.lotledger.catalog.location.LocationKind.IN_TRANSIT;
import static org.lotledger.catalog.location.LocationKind.PHYSICAL;
import static org.lotledger.catalog.location.LocationKind.SUPPLIER;
import static org.lotledger.ledger.StockStatus.AVAILABLE;
import static org.lotledger.ledger.StockStatus.HOLD;
import static org.lotledger.ledger.StockStatus.QUARANTINE;
import static org.lotledger.ledger.StockStatus.REJECTED;
import static org.lotledger.platform.security.Groups.INVENTORY_CONTROL;
import static org.lotledger.platform.security.Groups.QUALITY;
import static org.lotledger.platform.security.Groups.QUALITY_MANAGERS;
import static org.lotledger.platform.security.Groups.RECEIVING;
import static org.lotledger.platform.security.Groups.RECEIVING_SUPERVISORS;
import static org.lotledger.platform.security.Groups.WAREHOUSE;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.lotledger.catalog.location.LocationKind;

/**
 * The named posting types. Each is allowed to one set of groups (docs/security.md) and lists where its stock may
 * come from and go to and which status transitions it may make; the gate refuses anything else. There is no generic
 * "post anything": services build the postings of the types they post (docs/architecture.md lists who posts which;
 * some types, STATUS_CHANGE and MOVE among them, are posted by several services, and some by none yet).
 */
public enum PostingType {
    OPENING_BALANCE(
            groups(INVENTORY_CONTROL),
            kinds(LocationKind.ADJUSTMENT),
            kinds(PHYSICAL),
            same(QUARANTINE, AVAILABLE, HOLD, REJECTED),
            true),
    RECEIPT(groups(RECEIVING), kinds(SUPPLIER), kinds(PHYSICAL), same(QUARANTINE), false),
    PUTAWAY(
            groups(RECEIVING, WAREHOUSE),
            kinds(PHYSICAL),
            kinds(PHYSICAL),
            same(QUARANTINE, AVAILABLE, REJECTED),
            false),
    MOVE(
            groups(WAREHOUSE, QUALITY, QUALITY_MANAGERS),
            kinds(PHYSICAL),
            kinds(PHYSICAL),
            same(QUARANTINE, AVAILABLE, HOLD, REJECTED),
            false),
    REPLENISHMENT(groups(WAREHOUSE), kinds(PHYSICAL), kinds(PHYSICAL), same(AVAILABLE), false),
    STATUS_CHANGE(
            groups(QUALITY, QUALITY_MANAGERS),
            kinds(PHYSICAL, IN_TRANSIT),
            kinds(PHYSICAL, IN_TRANSIT),
            Set.of(
                    change(QUARANTINE, AVAILABLE),
                    change(QUARANTINE, REJECTED),
                    change(QUARANTINE, HOLD),
                    change(AVAILABLE, HOLD),
                    change(AVAILABLE, QUARANTINE),
                    change(HOLD, AVAILABLE),
                    change(HOLD, QUARANTINE),
                    change(HOLD, REJECTED),
                    change(REJECTED, QUARANTINE)),
            false),
    PICK(groups(WAREHOUSE), kinds(PHYSICAL), kinds(PHYSICAL), same(AVAILABLE), false),
    SHIPMENT(groups(WAREHOUSE), kinds(PHYSICAL), kinds(CUSTOMER), same(AVAILABLE), false),
    TRANSFER_OUT(groups(WAREHOUSE), kinds(PHYSICAL), kinds(IN_TRANSIT), same(AVAILABLE, QUARANTINE), false),
    /**
     * Arrival at the destination from the pair's in-transit location. AVAILABLE stays AVAILABLE; damaged units and
     * stock whose cold chain broke on the way arrive in QUARANTINE (AVAILABLE → QUARANTINE, at a quarantine location,
     * for quality to release or scrap); a lot under an open hold arrives in HOLD (ADR 0013).
     */
    TRANSFER_IN(
            groups(WAREHOUSE, RECEIVING),
            kinds(IN_TRANSIT),
            kinds(PHYSICAL),
            union(
                    same(AVAILABLE, QUARANTINE),
                    Set.of(change(AVAILABLE, QUARANTINE), change(AVAILABLE, HOLD), change(QUARANTINE, HOLD))),
            false),
    RETURN(
            groups(RECEIVING),
            kinds(CUSTOMER),
            kinds(PHYSICAL),
            Set.of(change(AVAILABLE, QUARANTINE), change(AVAILABLE, HOLD)),
            false),
    RETURN_TO_VENDOR(
            groups(WAREHOUSE, QUALITY, QUALITY_MANAGERS),
            kinds(PHYSICAL),
            kinds(SUPPLIER),
            same(REJECTED, HOLD),
            false),
    /**
     * Stock found or lost, against the warehouse's adjustment location (on exactly one side). Stock lost in transit
     * leaves the in-transit location for the destination's adjustment location (reason TRANSIT_LOSS, ADR 0013); an
     * in-transit location is a source only, nothing is adjusted into transit.
     */
    ADJUSTMENT(
            groups(INVENTORY_CONTROL),
            kinds(LocationKind.ADJUSTMENT, PHYSICAL, IN_TRANSIT),
            kinds(LocationKind.ADJUSTMENT, PHYSICAL),
            same(QUARANTINE, AVAILABLE, HOLD, REJECTED),
            true),
    SCRAP(
            groups(QUALITY, QUALITY_MANAGERS, INVENTORY_CONTROL),
            kinds(PHYSICAL),
            kinds(LocationKind.SCRAP),
            same(QUARANTINE, AVAILABLE, HOLD, REJECTED),
            true),
    QA_SAMPLE(
            groups(QUALITY, QUALITY_MANAGERS),
            kinds(PHYSICAL),
            kinds(LocationKind.QA_SAMPLE),
            same(QUARANTINE, AVAILABLE, HOLD),
            false),
    /**
     * A new child lot takes stock of its parent in place (ADR 0015): two movements through the warehouse's adjustment
     * location, the parent's from a shelf to ADJUSTMENT and the child's from ADJUSTMENT back to the same shelf, the same
     * quantity and status ({@link RelabellingStock}; the gate checks that shape). Each lot is conserved and valued at
     * its own cost, which for the child is the parent's.
     */
    RELABEL(
            groups(QUALITY, QUALITY_MANAGERS, INVENTORY_CONTROL),
            kinds(LocationKind.ADJUSTMENT, PHYSICAL),
            kinds(LocationKind.ADJUSTMENT, PHYSICAL),
            same(QUARANTINE, AVAILABLE, HOLD),
            false),
    /** The inverse of an earlier posting; its legs are derived from the original, never given. */
    REVERSAL(
            groups(INVENTORY_CONTROL, RECEIVING_SUPERVISORS),
            EnumSet.allOf(LocationKind.class),
            EnumSet.allOf(LocationKind.class),
            Set.of(),
            true);

    /** A status transition a movement makes; (s, s) means the status is kept. */
    public record StatusChange(StockStatus from, StockStatus to) {}

    private final Set<String> groups;
    private final Set<LocationKind> fromKinds;
    private final Set<LocationKind> toKinds;
    private final Set<StatusChange> transitions;
    private final boolean reasonRequired;

    PostingType(
            Set<String> groups,
            Set<LocationKind> fromKinds,
            Set<LocationKind> toKinds,
            Set<StatusChange> transitions,
            boolean reasonRequired) {
        this.groups = groups;
        this.fromKinds = fromKinds;
        this.toKinds = toKinds;
        this.transitions = transitions;
        this.reasonRequired = reasonRequired;
    }

    public Set<String> groups() {
        return groups;
    }

    public Set<LocationKind> fromKinds() {
        return fromKinds;
    }

    public Set<LocationKind> toKinds() {
        return toKinds;
    }

    public Set<StatusChange> transitions() {
        return transitions;
    }

    public boolean reasonRequired() {
        return reasonRequired;
    }

    /** A status change keeps the location; every other type moves stock somewhere else. */
    public boolean keepsLocation() {
        return this == STATUS_CHANGE;
    }

    private static Set<String> groups(String... names) {
        return Set.of(names);
    }

    private static Set<LocationKind> kinds(LocationKind first, LocationKind... rest) {
        return EnumSet.of(first, rest);
    }

    private static StatusChange change(StockStatus from, StockStatus to) {
        return new StatusChange(from, to);
    }

    private static Set<StatusChange> same(StockStatus... statuses) {
        return Set.of(statuses).stream().map(s -> new StatusChange(s, s)).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<StatusChange> union(Set<StatusChange> a, Set<StatusChange> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
