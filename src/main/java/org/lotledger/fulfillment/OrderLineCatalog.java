package org.lotledger.fulfillment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.lotledger.catalog.CatalogExceptions;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.Gtin;
import org.lotledger.catalog.item.GtinAssignment;
import org.lotledger.catalog.item.ItemService;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.location.WarehouseService;
import org.lotledger.catalog.location.WarehouseView;
import org.lotledger.catalog.location.Warehouses;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.catalog.lot.Lots;
import org.lotledger.common.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog checks an order line passes, one place for sales orders and transfer orders (which order with the same
 * codes): the warehouse by code, the item by SKU or GTIN, the unit conversion, the requested lot among the item's lots.
 * Unknown is 404 {@code UNKNOWN_*}, deactivated 422 {@code *_INACTIVE}; a line's refusal names the line ({@code line}
 * in the details, "Line n: " in the message). Each caller keeps its own order of checks.
 */
@Component
@Transactional(readOnly = true)
public class OrderLineCatalog {

    /** An item and the unit a line's quantity is in (the one sent, or the GTIN's packaging level). */
    public record OrderedItem(ItemView item, String uom) {}

    private final CatalogQueries catalog;
    private final WarehouseService warehouseService;
    private final Warehouses warehouses;
    private final ItemService items;
    private final Lots lots;

    OrderLineCatalog(
            CatalogQueries catalog,
            WarehouseService warehouseService,
            Warehouses warehouses,
            ItemService items,
            Lots lots) {
        this.catalog = catalog;
        this.warehouseService = warehouseService;
        this.warehouses = warehouses;
        this.items = items;
        this.lots = lots;
    }

    /** The warehouse by code (trimmed, upper-cased): 404 {@code UNKNOWN_WAREHOUSE}, 422 {@code WAREHOUSE_INACTIVE}. */
    public WarehouseView activeWarehouse(String code) {
        String c = code.trim().toUpperCase();
        WarehouseView warehouse = warehouses
                .findByCode(c)
                .map(found -> warehouseService.get(found.getId()))
                .orElseThrow(() -> CatalogExceptions.notFound("WAREHOUSE", c));
        if (!warehouse.active()) {
            throw DomainException.unprocessable(
                    "WAREHOUSE_INACTIVE", "Warehouse " + c + " is deactivated", Map.of("warehouseCode", c));
        }
        return warehouse;
    }

    /**
     * The line's item by SKU, else by GTIN (404 {@code UNKNOWN_ITEM}, 422 {@code INVALID_GTIN}), active (422
     * {@code ITEM_INACTIVE}), with the unit sent or, for a GTIN without one, the GTIN's packaging level.
     */
    public OrderedItem activeItem(int line, String sku, String gtin, String uom) {
        ItemView item;
        String unit = uom == null || uom.isBlank() ? null : uom.trim().toUpperCase();
        if (sku != null && !sku.isBlank()) {
            String s = sku.trim();
            item = single(items.list(null, s, null, null))
                    .orElseThrow(() -> onLine(line, CatalogExceptions.notFound("ITEM", s)));
        } else {
            String g = onLine(line, () -> Gtin.parse(gtin).value());
            item = single(items.list(null, null, null, g))
                    .orElseThrow(() -> onLine(line, CatalogExceptions.notFound("ITEM", g)));
            if (unit == null) {
                unit = item.gtins().stream()
                        .filter(a -> Gtin.parse(a.gtin()).value().equals(g))
                        .map(GtinAssignment::uom)
                        .findFirst()
                        .orElseThrow();
            }
        }
        if (!item.active()) {
            throw DomainException.unprocessable(
                    "ITEM_INACTIVE",
                    "Line " + line + ": item " + item.sku() + " is deactivated",
                    Map.of("line", line, "itemId", item.id()));
        }
        return new OrderedItem(item, unit);
    }

    /** The line's quantity in the item's base units; the catalog's refusals (UOM_*, INVALID_QUANTITY) name the line. */
    public long toBaseUnits(int line, long itemId, BigDecimal quantity, String uom) {
        return onLine(line, () -> catalog.toBaseUnits(itemId, quantity, uom));
    }

    /**
     * The requested lot by internal label or lot number, among the item's lots: unknown is 404 {@code UNKNOWN_LOT},
     * a label of another item's lot 422 {@code LOT_NOT_OF_ITEM}, a lot number two suppliers of the item use 422
     * {@code AMBIGUOUS_LOT} (send the internal label).
     */
    public LotView requestedLot(int line, ItemView item, String ref) {
        String r = ref.trim();
        Optional<LotView> byLabel = catalog.findLotByInternalLabel(r);
        if (byLabel.isPresent()) {
            LotView lot = byLabel.get();
            if (!lot.itemId().equals(item.id())) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("line", line);
                details.put("lotId", lot.id());
                details.put("sku", item.sku());
                throw DomainException.unprocessable(
                        "LOT_NOT_OF_ITEM",
                        "Line " + line + ": lot " + r + " is not a lot of item " + item.sku(),
                        details);
            }
            return lot;
        }
        List<LotView> byNumber = lots.findByItemIdAndLotNumberIn(item.id(), List.of(r)).stream()
                .map(LotView::of)
                .toList();
        if (byNumber.isEmpty()) {
            throw onLine(line, CatalogExceptions.notFound("LOT", r));
        }
        if (byNumber.size() > 1) {
            throw DomainException.unprocessable(
                    "AMBIGUOUS_LOT",
                    "Line " + line + ": lot number " + r + " is used by " + byNumber.size() + " suppliers of "
                            + item.sku() + "; send the lot's internal label",
                    Map.of("line", line, "lotNumber", r));
        }
        return byNumber.get(0);
    }

    /** The refusal with {@code line} added to its details and "Line n: " to its message, unless it names one. */
    private static DomainException onLine(int line, DomainException e) {
        if (e.details().containsKey("line")) {
            return e;
        }
        Map<String, Object> details = new LinkedHashMap<>(e.details());
        details.put("line", line);
        return new DomainException(e.code(), e.kind(), "Line " + line + ": " + e.getMessage(), details);
    }

    private static <T> T onLine(int line, Supplier<T> check) {
        try {
            return check.get();
        } catch (DomainException e) {
            throw onLine(line, e);
        }
    }

    private static Optional<ItemView> single(List<ItemView> found) {
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
