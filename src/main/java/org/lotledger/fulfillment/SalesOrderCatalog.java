package org.lotledger.fulfillment;

import java.util.Map;
import java.util.Optional;
import org.lotledger.catalog.CatalogExceptions;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.location.WarehouseService;
import org.lotledger.catalog.location.Warehouses;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.catalog.partner.CustomerService;
import org.lotledger.catalog.partner.CustomerView;
import org.lotledger.catalog.partner.Customers;
import org.lotledger.common.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What sales orders read from the catalog besides a line's checks ({@link OrderLineCatalog}, shared with transfer
 * orders): customers by code, codes and views by id. Unknown is 404 {@code UNKNOWN_*} (as purchasing answers for a
 * supplier or item it does not know), deactivated is 422 {@code *_INACTIVE}.
 */
@Component
@Transactional(readOnly = true)
class SalesOrderCatalog {

    private final CatalogQueries catalog;
    private final CustomerService customerService;
    private final Customers customers;
    private final WarehouseService warehouseService;
    private final Warehouses warehouses;

    SalesOrderCatalog(
            CatalogQueries catalog,
            CustomerService customerService,
            Customers customers,
            WarehouseService warehouseService,
            Warehouses warehouses) {
        this.catalog = catalog;
        this.customerService = customerService;
        this.customers = customers;
        this.warehouseService = warehouseService;
        this.warehouses = warehouses;
    }

    CustomerView activeCustomer(String code) {
        String c = code.trim().toUpperCase();
        CustomerView customer = customers
                .findByCode(c)
                .map(found -> customerService.get(found.getId()))
                .orElseThrow(() -> CatalogExceptions.notFound("CUSTOMER", c));
        if (!customer.active()) {
            throw DomainException.unprocessable(
                    "CUSTOMER_INACTIVE", "Customer " + c + " is deactivated", Map.of("customerCode", c));
        }
        return customer;
    }

    Optional<String> customerCode(long customerId) {
        return customers.findById(customerId).map(c -> c.getCode());
    }

    Optional<String> warehouseCode(long warehouseId) {
        return warehouses.findById(warehouseId).map(w -> w.getCode());
    }

    Optional<ItemView> item(long itemId) {
        return catalog.findItem(itemId);
    }

    Optional<LotView> lot(long lotId) {
        return catalog.findLot(lotId);
    }

    Long resolveWarehouseId(String idOrCode) {
        return warehouseService.resolveId(idOrCode);
    }
}
