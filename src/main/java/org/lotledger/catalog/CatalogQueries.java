package org.lotledger.catalog;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.catalog.item.ItemService;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.item.Items;
import org.lotledger.catalog.item.UnitConversion;
import org.lotledger.catalog.location.Location;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.catalog.location.LocationView;
import org.lotledger.catalog.location.Locations;
import org.lotledger.catalog.location.ZoneView;
import org.lotledger.catalog.location.Zones;
import org.lotledger.catalog.lot.LotGenealogy;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.catalog.lot.Lots;
import org.lotledger.catalog.lot.ScannedLots;
import org.lotledger.catalog.lot.TracedLot;
import org.lotledger.catalog.partner.SupplierService;
import org.lotledger.catalog.partner.SupplierView;
import org.lotledger.catalog.partner.Suppliers;
import org.lotledger.catalog.reason.ReasonCodeView;
import org.lotledger.catalog.reason.ReasonCodes;
import org.lotledger.common.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features (the ledger first) read from the catalog. Read-only; joins the caller's transaction when
 * there is one. Lookups return empty when nothing matches, so the caller chooses its own error code
 * (e.g. UNKNOWN_LOT, UNKNOWN_LOCATION); the virtual-location lookups throw UNKNOWN_LOCATION (404).
 */
@Component
@Transactional(readOnly = true)
public class CatalogQueries {

    private final ItemService itemService;
    private final Items items;
    private final Lots lots;
    private final Locations locations;
    private final Zones zones;
    private final ReasonCodes reasonCodes;
    private final SupplierService supplierService;
    private final Suppliers suppliers;
    private final UnitConversion unitConversion;
    private final ScannedLots scannedLots;
    private final LotGenealogy genealogy;

    public CatalogQueries(
            ItemService itemService,
            Items items,
            Lots lots,
            Locations locations,
            Zones zones,
            ReasonCodes reasonCodes,
            SupplierService supplierService,
            Suppliers suppliers,
            ScannedLots scannedLots,
            LotGenealogy genealogy) {
        this.scannedLots = scannedLots;
        this.genealogy = genealogy;
        this.supplierService = supplierService;
        this.suppliers = suppliers;
        this.itemService = itemService;
        this.items = items;
        this.lots = lots;
        this.locations = locations;
        this.zones = zones;
        this.reasonCodes = reasonCodes;
        this.unitConversion = new UnitConversion(itemService::unitsOf);
    }

    /**
     * A quantity in one of the item's units as whole base units.
     *
     * @throws DomainException INVALID_QUANTITY (422) for quantity ≤ 0; UOM_NOT_CONVERTIBLE (422) for a unit the item
     *                         does not have or a result that is not a whole number; UNKNOWN_ITEM (404)
     */
    public long toBaseUnits(long itemId, BigDecimal quantity, String uom) {
        return unitConversion.toBaseUnits(itemId, quantity, uom);
    }

    public Optional<ItemView> findItem(long itemId) {
        return items.existsById(itemId) ? Optional.of(itemService.get(itemId)) : Optional.empty();
    }

    /** A supplier with its approval status and whether it is active (purchasing refuses blocked ones). */
    public Optional<SupplierView> findSupplier(long supplierId) {
        return suppliers.existsById(supplierId) ? Optional.of(supplierService.get(supplierId)) : Optional.empty();
    }

    public Optional<LotView> findLot(long lotId) {
        return lots.findById(lotId).map(LotView::of);
    }

    /**
     * The lots as the recall trace shows them (item, supplier, the lots they descend from), by id; one statement
     * for all. Lots that do not exist are left out.
     */
    public Map<Long, TracedLot> tracedLots(Collection<Long> lotIds, int maxDepth) {
        return genealogy.traced(lotIds, maxDepth);
    }

    public Optional<LotView> findLotByInternalLabel(String internalLabel) {
        return internalLabel == null
                ? Optional.empty()
                : lots.findByInternalLabel(internalLabel.trim().toUpperCase()).map(LotView::of);
    }

    /**
     * What a scanner sends: a lot id (digits only), the lot's internal label (LL00000042) or a GS1 element string
     * with GTIN and lot ({@link ScannedLots#find}).
     */
    public Optional<LotView> findLotByIdOrLabel(String idOrLabel) {
        return scannedLots.find(idOrLabel);
    }

    /** The ids of the lots a trace or recall selector names, ascending; empty when none match. */
    public List<Long> lotIdsMatching(LotSelector selector) {
        return genealogy.lotIdsMatching(selector);
    }

    /**
     * The lots a selector names (at distance 0) and their descendants in the genealogy, with their distance,
     * nearest first, then by id; one statement. Cycle-safe, at most {@code maxDepth} edges deep.
     */
    public Map<Long, Integer> matchingWithDescendants(LotSelector selector, int maxDepth) {
        return genealogy.matchingWithDescendants(selector, maxDepth);
    }

    /**
     * The lots descended from the roots in the genealogy (relabelled or split from them, and so on), with their
     * distance; roots at 0. Cycle-safe, at most {@code maxDepth} edges deep.
     */
    public Map<Long, Integer> descendants(Collection<Long> roots, int maxDepth) {
        return genealogy.walk(roots, true, maxDepth);
    }

    /** The lots the roots descend from, with their distance; roots at 0. Cycle-safe, at most {@code maxDepth} deep. */
    public Map<Long, Integer> ancestors(Collection<Long> roots, int maxDepth) {
        return genealogy.walk(roots, false, maxDepth);
    }

    public Optional<LocationView> findLocation(long locationId) {
        return locations.findById(locationId).map(LocationView::of);
    }

    /** Physical locations only have barcodes; matched without regard to case. */
    public Optional<LocationView> findLocationByBarcode(String barcode) {
        return barcode == null
                ? Optional.empty()
                : locations.findByBarcode(barcode.trim().toUpperCase()).map(LocationView::of);
    }

    public Optional<LocationView> findLocationByCode(String code) {
        return code == null
                ? Optional.empty()
                : locations.findByCode(code.trim().toUpperCase()).map(LocationView::of);
    }

    /** The zone of a physical location: which statuses and temperature classes it accepts. */
    public Optional<ZoneView> findZone(long zoneId) {
        return zones.findById(zoneId).map(ZoneView::of);
    }

    public Optional<ReasonCodeView> findReasonCode(String code) {
        return code == null
                ? Optional.empty()
                : reasonCodes.findByCode(code.trim().toUpperCase()).map(ReasonCodeView::of);
    }

    /** The virtual SUPPLIER location stock is received from. */
    public long supplierLocationId(long supplierId) {
        return id(locations.findBySupplierIdAndKind(supplierId, LocationKind.SUPPLIER), "supplier " + supplierId);
    }

    /** The virtual CUSTOMER location stock is shipped to. */
    public long customerLocationId(long customerId) {
        return id(locations.findByCustomerIdAndKind(customerId, LocationKind.CUSTOMER), "customer " + customerId);
    }

    /** A warehouse's ADJUSTMENT, SCRAP or QA_SAMPLE location. */
    public long warehouseLocationId(long warehouseId, LocationKind kind) {
        if (kind != LocationKind.ADJUSTMENT && kind != LocationKind.SCRAP && kind != LocationKind.QA_SAMPLE) {
            throw new IllegalArgumentException(
                    "a warehouse has one location of kind ADJUSTMENT, SCRAP or QA_SAMPLE, not " + kind);
        }
        return id(locations.findByWarehouseIdAndKind(warehouseId, kind), kind + " of warehouse " + warehouseId);
    }

    /** The IN_TRANSIT location for stock travelling from one warehouse to another. */
    public long inTransitLocationId(long fromWarehouseId, long toWarehouseId) {
        return id(
                locations.findByWarehouseIdAndDestinationWarehouseIdAndKind(
                        fromWarehouseId, toWarehouseId, LocationKind.IN_TRANSIT),
                "in transit " + fromWarehouseId + " → " + toWarehouseId);
    }

    private static long id(Optional<Location> location, String what) {
        return location.map(Location::getId)
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_LOCATION", "No location for " + what, Map.of("location", what)));
    }
}
