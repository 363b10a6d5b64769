package org.lotledger.catalog.location;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface Zones extends JpaRepository<Zone, Long>, JpaSpecificationExecutor<Zone> {

    Optional<Zone> findByWarehouseIdAndCode(Long warehouseId, String code);
}
