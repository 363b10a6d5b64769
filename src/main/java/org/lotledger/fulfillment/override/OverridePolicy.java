package org.lotledger.fulfillment.override;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotledger.common.DomainException;

/**
 * What may never be overridden, and how an override deviates: plain Java, no Spring. The rules that may not be
 * overridden are the allocation's own (rules/allocation): ALLOC-010 (another warehouse; stock not AVAILABLE), ALLOC-020
 * (expired), ALLOC-030 (below the item's own minimum remaining shelf life), ALLOC-040 (a lot under an open hold or
 * recall); and two of the override's: OVR-ITEM (another item) and OVR-QUANTITY (not enough unreserved AVAILABLE at
 * the proposed location). Each refusal is {@code OVERRIDE_NOT_ALLOWED} with {@code details.rule}.
 */
public final class OverridePolicy {

    public static final String NOT_ALLOWED = "OVERRIDE_NOT_ALLOWED";

    private OverridePolicy() {}

    /** The facts of one proposed override, read under the lots' locks. */
    public record Facts(
            LocalDate today,
            String orderWarehouse,
            long orderItemId,
            int itemMinDays,
            int customerMinDays,
            Integer lineMinDays,
            long reservedLotId,
            long reservedLocationId,
            LocalDate reservedExpiry,
            long quantity,
            long proposedLotId,
            long proposedLocationId,
            String proposedLot,
            String proposedLocation,
            long proposedItemId,
            LocalDate proposedExpiry,
            String proposedWarehouse,
            boolean proposedLocationAllocatable,
            boolean openHoldOrRecall,
            long availableThere,
            long reservedThere,
            String otherStatusThere) {}

    /** The deviation and how many days of shelf life the proposed lot is short of the customer's minimum. */
    public record Assessment(Deviation deviation, int daysShort) {}

    public static Assessment assess(Facts f) {
        if (f.proposedLotId() == f.reservedLotId() && f.proposedLocationId() == f.reservedLocationId()) {
            throw DomainException.unprocessable(
                    "OVERRIDE_NOT_A_DEVIATION",
                    "Lot " + f.proposedLot() + " at " + f.proposedLocation() + " is the stock reserved already.",
                    Map.of("lot", f.proposedLot(), "location", f.proposedLocation()));
        }
        if (!f.orderWarehouse().equals(f.proposedWarehouse())) {
            throw refused(
                    "ALLOC-010",
                    "Location " + f.proposedLocation() + " is in warehouse " + f.proposedWarehouse()
                            + "; the order ships from " + f.orderWarehouse() + ".",
                    f,
                    Map.of("warehouse", String.valueOf(f.proposedWarehouse())));
        }
        if (f.proposedItemId() != f.orderItemId()) {
            throw refused("OVR-ITEM", "Lot " + f.proposedLot() + " is another item than the line's.", f, Map.of());
        }
        if (f.proposedExpiry() != null && !f.proposedExpiry().isAfter(f.today())) {
            throw refused(
                    "ALLOC-020",
                    "Lot " + f.proposedLot() + " expired on " + f.proposedExpiry() + ".",
                    f,
                    Map.of("expiresOn", f.proposedExpiry().toString()));
        }
        if (f.openHoldOrRecall()) {
            throw refused("ALLOC-040", "Lot " + f.proposedLot() + " is under an open hold or recall.", f, Map.of());
        }
        if (f.otherStatusThere() != null && f.availableThere() < f.quantity()) {
            throw refused(
                    "ALLOC-010",
                    "Lot " + f.proposedLot() + " at " + f.proposedLocation() + " is " + f.otherStatusThere()
                            + ", not AVAILABLE.",
                    f,
                    Map.of("status", f.otherStatusThere()));
        }
        if (!f.proposedLocationAllocatable()) {
            throw refused(
                    "ALLOC-010",
                    "Location " + f.proposedLocation() + " is not in storage or a pick face.",
                    f,
                    Map.of());
        }
        Integer remaining =
                f.proposedExpiry() == null ? null : (int) ChronoUnit.DAYS.between(f.today(), f.proposedExpiry());
        if (remaining != null && remaining < f.itemMinDays()) {
            throw refused(
                    "ALLOC-030",
                    "Lot " + f.proposedLot() + " has " + remaining
                            + " days of shelf life left; the item needs at least " + f.itemMinDays()
                            + ", which no override lowers.",
                    f,
                    Map.of("remainingDays", remaining, "minimumDays", f.itemMinDays()));
        }
        long unreserved = f.availableThere() - f.reservedThere();
        if (unreserved < f.quantity()) {
            throw new DomainException(
                    NOT_ALLOWED,
                    DomainException.Kind.CONFLICT,
                    "Lot " + f.proposedLot() + " at " + f.proposedLocation() + " has " + Math.max(unreserved, 0)
                            + " unreserved AVAILABLE; the reservation needs " + f.quantity() + ".",
                    details("OVR-QUANTITY", f, Map.of("unreserved", Math.max(unreserved, 0), "needed", f.quantity())));
        }
        int customerMin = Math.max(f.customerMinDays(), f.lineMinDays() == null ? 0 : f.lineMinDays());
        if (remaining != null && remaining < customerMin) {
            return new Assessment(Deviation.BELOW_CUSTOMER_MINIMUM, customerMin - remaining);
        }
        if (f.proposedLotId() == f.reservedLotId()) {
            return new Assessment(Deviation.SAME_LOT_OTHER_LOCATION, 0);
        }
        int order = compareExpiry(f.proposedExpiry(), f.reservedExpiry());
        Deviation d = order > 0
                ? Deviation.LATER_EXPIRY
                : order == 0 ? Deviation.SAME_EXPIRY_OTHER_LOT : Deviation.EARLIER_EXPIRY;
        return new Assessment(d, 0);
    }

    /** A lot without expiry counts as expiring last. */
    static int compareExpiry(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return a == null && b == null ? 0 : a == null ? 1 : -1;
        }
        return a.compareTo(b);
    }

    private static DomainException refused(String rule, String message, Facts f, Map<String, Object> more) {
        return DomainException.unprocessable(
                NOT_ALLOWED, message + " Never overridable (" + rule + ").", details(rule, f, more));
    }

    private static Map<String, Object> details(String rule, Facts f, Map<String, Object> more) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rule", rule);
        d.put("lot", f.proposedLot());
        d.put("location", f.proposedLocation());
        d.putAll(more);
        return d;
    }
}
