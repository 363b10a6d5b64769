package org.lotledger.ledger;

import static org.lotledger.ledger.LocationKind.CUSTOMER;
import static org.lotledger.ledger.LocationKind.IN_TRANSIT;
import static org.lotledger.ledger.LocationKind.PHYSICAL;
import static org.lotledger.ledger.LocationKind.SUPPLIER;
import static org.lotledger.ledger.StockStatus.AVAILABLE;
import static org.lotledger.ledger.StockStatus.HOLD;
import static org.lotledger.ledger.StockStatus.QUARANTINE;
import static org.lotledger.ledger.StockStatus.REJECTED;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The named posting types. Each is owned by one service, allowed to one set of groups (docs/security.md), and lists
 * where its stock may come from and go to and which status transitions it may make. There is no generic "post
 * anything": a type a service does not own cannot be posted through it.
 */
public enum PostingType {

    OPENING_BALANCE("AdjustingStock", groups("inventory-control"), kinds(LocationKind.ADJUSTMENT), kinds(PHYSICAL),
            same(QUARANTINE, AVAILABLE, HOLD, REJECTED), true),
    RECEIPT("Receiving", groups("receiving"), kinds(SUPPLIER), kinds(PHYSICAL), same(QUARANTINE), false),
    PUTAWAY("DirectingPutaway", groups("receiving", "warehouse"), kinds(PHYSICAL), kinds(PHYSICAL),
            same(QUARANTINE, AVAILABLE, REJECTED), false),
    MOVE("MovingStock", groups("warehouse", "quality", "quality-managers"), kinds(PHYSICAL), kinds(PHYSICAL),
            same(QUARANTINE, AVAILABLE, HOLD, REJECTED), false),
    REPLENISHMENT("MovingStock", groups("warehouse"), kinds(PHYSICAL), kinds(PHYSICAL), same(AVAILABLE), false),
    STATUS_CHANGE("ChangingStockStatus", groups("quality", "quality-managers"), kinds(PHYSICAL, IN_TRANSIT),
            kinds(PHYSICAL, IN_TRANSIT), Set.of(
                    change(QUARANTINE, AVAILABLE), change(QUARANTINE, REJECTED), change(QUARANTINE, HOLD),
                    change(AVAILABLE, HOLD), change(AVAILABLE, QUARANTINE), change(HOLD, AVAILABLE),
                    change(HOLD, QUARANTINE), change(HOLD, REJECTED), change(REJECTED, QUARANTINE)), false),
    PICK("Fulfillment", groups("warehouse"), kinds(PHYSICAL), kinds(PHYSICAL), same(AVAILABLE), false),
    SHIPMENT("Fulfillment", groups("warehouse"), kinds(PHYSICAL), kinds(CUSTOMER), same(AVAILABLE), false),
    TRANSFER_OUT("Transfers", groups("warehouse"), kinds(PHYSICAL), kinds(IN_TRANSIT), same(AVAILABLE, QUARANTINE),
            false),
    TRANSFER_IN("Transfers", groups("warehouse", "receiving"), kinds(IN_TRANSIT), kinds(PHYSICAL),
            union(same(AVAILABLE, QUARANTINE), Set.of(change(AVAILABLE, HOLD), change(QUARANTINE, HOLD))), false),
    RETURN("Returns", groups("receiving"), kinds(CUSTOMER), kinds(PHYSICAL),
            Set.of(change(AVAILABLE, QUARANTINE), change(AVAILABLE, HOLD)), false),
    RETURN_TO_VENDOR("Quality", groups("warehouse", "quality", "quality-managers"), kinds(PHYSICAL), kinds(SUPPLIER),
            same(REJECTED, HOLD), false),
    ADJUSTMENT("AdjustingStock", groups("inventory-control"), kinds(LocationKind.ADJUSTMENT, PHYSICAL), kinds(LocationKind.ADJUSTMENT, PHYSICAL),
            same(QUARANTINE, AVAILABLE, HOLD, REJECTED), true),
    SCRAP("AdjustingStock", groups("quality", "quality-managers", "inventory-control"), kinds(PHYSICAL), kinds(LocationKind.SCRAP),
            same(QUARANTINE, AVAILABLE, HOLD, REJECTED), true),
    QA_SAMPLE("Quality", groups("quality", "quality-managers"), kinds(PHYSICAL), kinds(LocationKind.QA_SAMPLE),
            same(QUARANTINE, AVAILABLE, HOLD), false),
    /** The inverse of an earlier posting; its legs are derived from the original, never given. */
    REVERSAL("ReversingPostings", groups("inventory-control", "receiving-supervisors"),
            EnumSet.allOf(LocationKind.class), EnumSet.allOf(LocationKind.class), Set.of(), true);

    /** A status transition a movement makes; (s, s) means the status is kept. */
    public record StatusChange(StockStatus from, StockStatus to) {
    }

    private final String owner;
    private final Set<String> groups;
    private final Set<LocationKind> fromKinds;
    private final Set<LocationKind> toKinds;
    private final Set<StatusChange> transitions;
    private final boolean reasonRequired;

    PostingType(String owner, Set<String> groups, Set<LocationKind> fromKinds, Set<LocationKind> toKinds,
                Set<StatusChange> transitions, boolean reasonRequired) {
        this.owner = owner;
        this.groups = groups;
        this.fromKinds = fromKinds;
        this.toKinds = toKinds;
        this.transitions = transitions;
        this.reasonRequired = reasonRequired;
    }

    /** The service that owns this type (documentation and error messages). */
    public String owner() {
        return owner;
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
