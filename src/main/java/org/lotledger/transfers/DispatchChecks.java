package org.lotledger.transfers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.common.DomainException;

/**
 * What a dispatch by scan may ship, decided over plain facts (table-tested in {@code DispatchChecksTest}): the
 * transfer's staged stock (its pending reservations at shipping locations), what a hold blocks, the scanned staging
 * location and lot labels, and which lots at that location other demands have reserved. In this order:
 *
 * <ol>
 *   <li>nothing staged and nothing held: {@code NOTHING_STAGED} (409);
 *   <li>a staged lot of the transfer under a hold: {@code LOT_ON_HOLD} (409), nothing ships until quality decides;
 *   <li>the scanned location is none of the staging locations: {@code WRONG_LOCATION} (422);
 *   <li>stock staged at another location as well: {@code STAGED_ELSEWHERE} (409), one staging location per dispatch;
 *   <li>per scanned lot: HOLD stock there {@code LOT_ON_HOLD} (409), another order's stock
 *       {@code STOCK_OF_ANOTHER_ORDER} (409), otherwise not staged for this transfer {@code LOT_NOT_STAGED} (422);
 *   <li>a staged lot nobody scanned: {@code LOT_NOT_SCANNED} (422): what leaves is what was scanned.
 * </ol>
 */
public final class DispatchChecks {

    private DispatchChecks() {}

    /** A pending reservation of the transfer at a shipping location: what the pick staged. */
    public record Staged(
            long reservationId, long lineId, long lotId, String lotLabel, long locationId, long quantity) {}

    /** A scanned lot label, resolved to its lot. */
    public record Scan(String text, long lotId, String lotLabel) {}

    /**
     * @param staged            the transfer's pending staging reservations
     * @param heldLabels        lots of the transfer whose staging reservation a hold voided, still HOLD at staging
     * @param scannedLocationId the staging location scanned
     * @param locationBarcodes  barcodes of the staging locations, by id (for the answer)
     * @param scans             the lot labels scanned
     * @param heldAtLocation    lots with HOLD stock at the scanned location
     * @param reservedByOthers  lots at the scanned location with pending reservations of other demands
     */
    public record Facts(
            List<Staged> staged,
            List<String> heldLabels,
            long scannedLocationId,
            String scannedBarcode,
            Map<Long, String> locationBarcodes,
            List<Scan> scans,
            Set<Long> heldAtLocation,
            Set<Long> reservedByOthers) {}

    /** Steps 1 to 4, before any lot label is read: something staged, nothing held, this staging location. */
    public static void location(Facts f) {
        if (f.staged().isEmpty() && f.heldLabels().isEmpty()) {
            throw DomainException.conflict(
                    "NOTHING_STAGED", "Nothing of this transfer is staged at a shipping location.", Map.of());
        }
        if (!f.heldLabels().isEmpty()) {
            throw DomainException.conflict(
                    "LOT_ON_HOLD",
                    "Held stock of this transfer is at its staging location: " + f.heldLabels()
                            + "; quality decides the hold before it leaves.",
                    Map.of("lots", f.heldLabels()));
        }
        Set<Long> locations = new LinkedHashSet<>();
        f.staged().forEach(s -> locations.add(s.locationId()));
        if (!locations.contains(f.scannedLocationId())) {
            List<String> expected = locations.stream()
                    .map(id -> f.locationBarcodes().getOrDefault(id, "#" + id))
                    .sorted()
                    .toList();
            throw DomainException.unprocessable(
                    "WRONG_LOCATION",
                    "Location " + f.scannedBarcode() + " is not where this transfer is staged (" + expected + ").",
                    Map.of("scanned", f.scannedBarcode(), "expected", expected));
        }
        if (locations.size() > 1) {
            List<String> elsewhere = locations.stream()
                    .filter(id -> id != f.scannedLocationId())
                    .map(id -> f.locationBarcodes().getOrDefault(id, "#" + id))
                    .sorted()
                    .toList();
            throw DomainException.conflict(
                    "STAGED_ELSEWHERE",
                    "Stock of this transfer is staged at " + elsewhere + " too: bring it to " + f.scannedBarcode()
                            + " first, one staging location per dispatch.",
                    Map.of("elsewhere", elsewhere));
        }
    }

    /** The staged reservations to ship, in the order of the facts: every step. */
    public static List<Staged> toShip(Facts f) {
        location(f);
        Map<Long, Staged> byLot = new LinkedHashMap<>();
        f.staged().forEach(s -> byLot.putIfAbsent(s.lotId(), s));
        Set<Long> scanned = new LinkedHashSet<>();
        for (Scan s : f.scans()) {
            if (byLot.containsKey(s.lotId())) {
                scanned.add(s.lotId());
            } else if (f.heldAtLocation().contains(s.lotId())) {
                throw DomainException.conflict(
                        "LOT_ON_HOLD",
                        "Lot " + s.lotLabel() + " is on hold at " + f.scannedBarcode() + "; it does not leave.",
                        Map.of("lots", List.of(s.lotLabel())));
            } else if (f.reservedByOthers().contains(s.lotId())) {
                throw DomainException.conflict(
                        "STOCK_OF_ANOTHER_ORDER",
                        "Lot " + s.lotLabel() + " at " + f.scannedBarcode()
                                + " is staged for another order; leave it for that order.",
                        Map.of("lot", s.lotLabel()));
            } else {
                throw DomainException.unprocessable(
                        "LOT_NOT_STAGED",
                        "Lot " + s.lotLabel() + " is not staged for this transfer.",
                        Map.of("lot", s.lotLabel()));
            }
        }
        List<String> missing = new ArrayList<>();
        byLot.forEach((lot, s) -> {
            if (!scanned.contains(lot)) {
                missing.add(s.lotLabel());
            }
        });
        if (!missing.isEmpty()) {
            throw DomainException.unprocessable(
                    "LOT_NOT_SCANNED",
                    "Scan the label of every staged lot before it leaves; not scanned: " + missing + ".",
                    Map.of("lots", missing));
        }
        return f.staged();
    }
}
