package org.lotledger.catalog.location;

import org.lotledger.catalog.audit.CatalogAuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the virtual locations that make every posting double-entry. Only the catalog calls this, as a side
 * effect of creating a warehouse, supplier or customer; the API never creates a virtual location directly.
 */
@Service
public class VirtualLocations {

    public static final String ENTITY = "LOCATION";

    private final Locations locations;
    private final Warehouses warehouses;
    private final CatalogAuditLog audit;

    public VirtualLocations(Locations locations, Warehouses warehouses, CatalogAuditLog audit) {
        this.locations = locations;
        this.warehouses = warehouses;
        this.audit = audit;
    }

    /** adjustment, scrap and QA-sample locations, and in-transit locations both ways with every other warehouse */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forNewWarehouse(Warehouse w, String actor) {
        save(
                Location.ofWarehouse(
                        LocationKind.ADJUSTMENT,
                        w.getCode() + "-ADJ",
                        w.getName() + " inventory adjustment",
                        w.getId()),
                actor);
        save(
                Location.ofWarehouse(LocationKind.SCRAP, w.getCode() + "-SCRAP", w.getName() + " scrap", w.getId()),
                actor);
        save(
                Location.ofWarehouse(
                        LocationKind.QA_SAMPLE, w.getCode() + "-QA", w.getName() + " QA samples", w.getId()),
                actor);
        for (Warehouse other : warehouses.findAll()) {
            if (other.getId().equals(w.getId())) {
                continue;
            }
            save(
                    Location.inTransit(
                            transitCode(w, other),
                            "In transit " + w.getCode() + " → " + other.getCode(),
                            w.getId(),
                            other.getId()),
                    actor);
            save(
                    Location.inTransit(
                            transitCode(other, w),
                            "In transit " + other.getCode() + " → " + w.getCode(),
                            other.getId(),
                            w.getId()),
                    actor);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Location forNewSupplier(Long supplierId, String supplierCode, String supplierName, String actor) {
        return save(Location.ofSupplier("SUP-" + supplierCode, "Supplier " + supplierName, supplierId), actor);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Location forNewCustomer(Long customerId, String customerCode, String customerName, String actor) {
        return save(Location.ofCustomer("CUS-" + customerCode, "Customer " + customerName, customerId), actor);
    }

    public static String transitCode(Warehouse from, Warehouse to) {
        return "TRANSIT-" + from.getCode() + "-" + to.getCode();
    }

    private Location save(Location l, String actor) {
        Location saved = locations.saveAndFlush(l);
        audit.created(ENTITY, saved.getId(), LocationView.of(saved), actor);
        return saved;
    }
}
