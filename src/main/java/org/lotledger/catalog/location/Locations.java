package org.lotledger.catalog.location;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface Locations extends JpaRepository<Location, Long>, JpaSpecificationExecutor<Location> {

    Optional<Location> findByCode(String code);

    Optional<Location> findByBarcode(String barcode);

    boolean existsByCode(String code);

    boolean existsByBarcode(String barcode);

    Optional<Location> findBySupplierIdAndKind(Long supplierId, LocationKind kind);

    Optional<Location> findByCustomerIdAndKind(Long customerId, LocationKind kind);

    List<Location> findByCustomerIdInAndKind(Collection<Long> customerIds, LocationKind kind);

    Optional<Location> findByWarehouseIdAndKind(Long warehouseId, LocationKind kind);

    Optional<Location> findByWarehouseIdAndDestinationWarehouseIdAndKind(
            Long warehouseId, Long destinationWarehouseId, LocationKind kind);
}
