package org.lotledger.recall;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.catalog.location.LocationView;
import org.lotledger.catalog.location.WarehouseService;
import org.lotledger.catalog.location.ZoneType;
import org.lotledger.catalog.location.ZoneView;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.catalog.lot.ScannedLots;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.security.Groups;
import org.lotledger.quality.HoldingArrivals;
import org.lotledger.quality.OpenHolds;
import org.springframework.stereotype.Service;

/**
 * Stock coming back from a customer, by scan (issue 11 §3; the returns issue's RMA flow reuses it): a RETURN posting
 * from the customer's location (kind CUSTOMER) to a location of a RETURNS zone, landing in HOLD under a hold that
 * adopts it ({@link HoldingArrivals#adopt}), or in QUARANTINE when no hold is named and none covers the lot.
 *
 * <p>The caller runs it in its transaction, after any lock of its own (a recall's row). Then, in the order every
 * writer of a held lot takes them: the hold-decision lock ({@link HoldingArrivals#holdCovering}) and the ledger's lot
 * lock (the gate's). The customer's balance of the lot is checked after the hold-decision lock, which every return
 * takes, so two returns racing for the last units never both pass: never more than the customer holds
 * ({@code RETURN_EXCEEDS_CUSTOMER_STOCK}); the ledger's never-negative check backs it.
 */
@Service
public class CustomerReturns {

    static final String REFERENCE_TYPE_RECALL = "RECALL";

    /** What a receiver scanned: the lot label, the quantity (whole base units), the returns location's barcode. */
    public record Scan(long customerId, String lotLabel, long quantity, String locationBarcode) {}

    /** Where a return went: the scanned lot and location, resolved and checked before anything is locked. */
    public record Target(LotView lot, LocationView location, String warehouseCode, long customerLocationId) {}

    /** The RETURN posted. */
    public record Returned(
            long postingId,
            long lotId,
            String lotLabel,
            long locationId,
            String locationCode,
            String warehouseCode,
            long quantity,
            StockStatus landed,
            Long holdId) {}

    private final CatalogQueries catalog;
    private final ScannedLots scannedLots;
    private final WarehouseService warehouses;
    private final HoldingArrivals arrivals;
    private final OpenHolds openHolds;
    private final Ledger ledger;
    private final LedgerQueries stock;

    CustomerReturns(
            CatalogQueries catalog,
            ScannedLots scannedLots,
            WarehouseService warehouses,
            HoldingArrivals arrivals,
            OpenHolds openHolds,
            Ledger ledger,
            LedgerQueries stock) {
        this.catalog = catalog;
        this.scannedLots = scannedLots;
        this.warehouses = warehouses;
        this.arrivals = arrivals;
        this.openHolds = openHolds;
        this.ledger = ledger;
        this.stock = stock;
    }

    /**
     * Resolves and checks the scan without locking: the lot, the returns location, the receiver's warehouse.
     *
     * @throws DomainException UNKNOWN_LOT, UNKNOWN_LOCATION (404), NOT_WAREHOUSE_STAFF (403), NOT_A_RETURNS_LOCATION,
     *                         LOT_SCAN_AMBIGUOUS, LOT_LABEL_NOT_RECOGNISED (422)
     */
    public Target resolve(Scan scan, Actor actor) {
        String label = scan.lotLabel().strip();
        LotView lot = scannedLots
                .find(label)
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_LOT", "No lot with the label '" + label + "'.", Map.of("lot", label)));
        String barcode = scan.locationBarcode().strip();
        LocationView location = catalog.findLocationByBarcode(barcode)
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_LOCATION", "No location with barcode '" + barcode + "'.", Map.of("barcode", barcode)));
        Optional<ZoneView> zone = location.zoneId() == null ? Optional.empty() : catalog.findZone(location.zoneId());
        if (location.kind() != LocationKind.PHYSICAL
                || location.warehouseId() == null
                || zone.isEmpty()
                || zone.get().zoneType() != ZoneType.RETURNS) {
            throw DomainException.unprocessable(
                    "NOT_A_RETURNS_LOCATION",
                    "Location " + barcode + " is not in a returns zone; returned stock is received at a returns"
                            + " location.",
                    Map.of("location", barcode));
        }
        String warehouse = warehouses.get(location.warehouseId()).code();
        if (!actor.worksAt(warehouse, Groups.RECEIVING)) {
            throw new DomainException(
                    "NOT_WAREHOUSE_STAFF",
                    DomainException.Kind.FORBIDDEN,
                    actor.userId() + " is not receiving staff of " + warehouse + ", where " + barcode + " is.",
                    Map.of("warehouse", warehouse));
        }
        return new Target(lot, location, warehouse, catalog.customerLocationId(scan.customerId()));
    }

    /**
     * Posts the return, in the caller's transaction.
     *
     * @param holdId the hold that must adopt the stock (a recall's hold of the lot), or null: then the oldest open
     *               hold covering the lot at the location, and QUARANTINE when there is none
     * @throws DomainException HOLD_NOT_OPEN (409), RETURN_EXCEEDS_CUSTOMER_STOCK (422)
     */
    public Returned receive(
            Scan scan,
            Target t,
            Long holdId,
            Actor actor,
            String postingKey,
            String referenceType,
            String referenceId,
            String note) {
        long lotId = t.lot().id();
        long locationId = t.location().id();
        Optional<Long> covering = arrivals.holdCovering(lotId, locationId); // the hold-decision lock
        Long adopting = covering.orElse(null);
        if (holdId != null) {
            List<Long> open = openHolds.covering(lotId, locationId);
            if (!open.contains(holdId)) {
                throw DomainException.conflict(
                        "HOLD_NOT_OPEN",
                        "Hold " + holdId + " no longer holds lot " + t.lot().internalLabel() + "; the return cannot"
                                + " be received under it.",
                        Map.of("holdId", holdId, "lot", t.lot().internalLabel()));
            }
            adopting = holdId;
        }
        long atCustomer = stock.quantity(lotId, t.customerLocationId(), StockStatus.AVAILABLE);
        if (scan.quantity() > atCustomer) {
            throw DomainException.unprocessable(
                    "RETURN_EXCEEDS_CUSTOMER_STOCK",
                    "The customer holds " + atCustomer + " of lot " + t.lot().internalLabel() + "; " + scan.quantity()
                            + " cannot come back from it.",
                    Map.of("lot", t.lot().internalLabel(), "atCustomer", atCustomer, "quantity", scan.quantity()));
        }
        StockStatus landing = adopting == null ? StockStatus.QUARANTINE : StockStatus.HOLD;
        Posting posted = ledger.post(PostingRequest.of(PostingType.RETURN, actor, postingKey)
                .movement(new Movement(
                        lotId, t.customerLocationId(), StockStatus.AVAILABLE, locationId, landing, scan.quantity()))
                .reference(referenceType, referenceId)
                .note(note)
                .build());
        if (adopting != null) {
            arrivals.adopt(adopting, lotId, locationId, scan.quantity(), posted.id());
        }
        return new Returned(
                posted.id(),
                lotId,
                t.lot().internalLabel(),
                locationId,
                t.location().code(),
                t.warehouseCode(),
                scan.quantity(),
                landing,
                adopting);
    }
}
