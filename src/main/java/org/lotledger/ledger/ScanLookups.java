package org.lotledger.ledger;

import java.math.BigDecimal;
import java.util.Map;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.common.DomainException;
import org.springframework.stereotype.Component;

/**
 * Resolves what a person scans or types (a lot by id, internal label or GS1 GTIN + lot through the catalog's
 * {@code ScannedLots}; a location barcode; a quantity and unit) through the catalog, and names what was not found
 * with the ledger's error codes.
 */
@Component
public class ScanLookups {

    public record ScannedLot(long lotId, long itemId, String internalLabel) {}

    private final CatalogQueries catalog;

    public ScanLookups(CatalogQueries catalog) {
        this.catalog = catalog;
    }

    /** A lot by its numeric id, its internal label (the label printed on the pallet) or a GS1 scan of GTIN and lot. */
    public ScannedLot lot(String idOrLabel) {
        return catalog.findLotByIdOrLabel(idOrLabel)
                .map(l -> new ScannedLot(l.id(), l.itemId(), l.internalLabel()))
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_LOT", "No lot '" + idOrLabel + "'.", Map.of("lot", String.valueOf(idOrLabel))));
    }

    /** A location by its scannable barcode. Virtual locations have none and cannot be scanned. */
    public long locationByBarcode(String barcode) {
        return catalog.findLocationByBarcode(barcode)
                .map(l -> l.id())
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_LOCATION",
                        "No location with barcode '" + barcode + "'.",
                        Map.of("barcode", String.valueOf(barcode))));
    }

    /** Converts a quantity in one of the item's units to whole base units (UOM_NOT_CONVERTIBLE otherwise). */
    public long toBaseUnits(long itemId, BigDecimal quantity, String uom) {
        return catalog.toBaseUnits(itemId, quantity, uom);
    }
}
