package org.lotledger.transfers;

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
 * What transfer orders read from the catalog, with the codes sales orders answer: warehouses by code, items by SKU
 * or GTIN, a requested lot among the item's lots, the unit conversion. Unknown is 404 {@code UNKNOWN_*}, deactivated
 * 422 {@code *_INACTIVE}; a line's refusal names the line.
 */
@Component
@Transactional(readOnly = true)
class TransferCatalog {

    /** An item and the unit a line's quantity is in (the one sent, or the GTIN's packaging level). */
    record OrderedItem(ItemView item, String uom) {}

    private final CatalogQueries catalog;
    private final WarehouseService warehouseService;
    private final Warehouses warehouses;
    private final ItemService items;
    private final Lots lots;

    TransferCatalog(
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

    WarehouseView activeWarehouse(String code) {
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

    WarehouseView warehouse(long id) {
        return warehouseService.get(id);
    }

    Long resolveWarehouseId(String idOrCode) {
        return warehouseService.resolveId(idOrCode);
    }

    OrderedItem activeItem(int line, String sku, String gtin, String uom) {
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

    long toBaseUnits(int line, long itemId, BigDecimal quantity, String uom) {
        return onLine(line, () -> catalog.toBaseUnits(itemId, quantity, uom));
    }

    /** The requested lot by internal label or lot number among the item's lots (as a sales order line's). */
    LotView requestedLot(int line, ItemView item, String ref) {
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

    Optional<ItemView> item(long itemId) {
        return catalog.findItem(itemId);
    }

    Optional<LotView> lot(long lotId) {
        return catalog.findLot(lotId);
    }

    private static Optional<ItemView> single(List<ItemView> found) {
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static <T> T onLine(int line, Supplier<T> check) {
        try {
            return check.get();
        } catch (DomainException e) {
            throw onLine(line, e);
        }
    }

    static DomainException onLine(int line, DomainException e) {
        if (e.details().containsKey("line")) {
            return e;
        }
        Map<String, Object> details = new LinkedHashMap<>(e.details());
        details.put("line", line);
        return new DomainException(e.code(), e.kind(), "Line " + line + ": " + e.getMessage(), details);
    }
}
