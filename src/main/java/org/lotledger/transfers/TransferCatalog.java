package org.lotledger.transfers;

import java.util.Optional;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.location.WarehouseService;
import org.lotledger.catalog.location.WarehouseView;
import org.lotledger.catalog.lot.LotView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What transfer orders read from the catalog by id. A placed order's warehouses and lines are checked by fulfilment's
 * {@link org.lotledger.fulfillment.OrderLineCatalog}, so a transfer line is refused with the codes a sales order
 * line is: unknown is 404 {@code UNKNOWN_*}, deactivated 422 {@code *_INACTIVE}, and the refusal names the line.
 */
@Component
@Transactional(readOnly = true)
class TransferCatalog {

    private final CatalogQueries catalog;
    private final WarehouseService warehouseService;

    TransferCatalog(CatalogQueries catalog, WarehouseService warehouseService) {
        this.catalog = catalog;
        this.warehouseService = warehouseService;
    }

    WarehouseView warehouse(long id) {
        return warehouseService.get(id);
    }

    Long resolveWarehouseId(String idOrCode) {
        return warehouseService.resolveId(idOrCode);
    }

    Optional<ItemView> item(long itemId) {
        return catalog.findItem(itemId);
    }

    Optional<LotView> lot(long lotId) {
        return catalog.findLot(lotId);
    }
}
