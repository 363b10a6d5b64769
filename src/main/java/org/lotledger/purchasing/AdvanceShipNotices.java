package org.lotledger.purchasing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface AdvanceShipNotices
        extends JpaRepository<AdvanceShipNotice, Long>, JpaSpecificationExecutor<AdvanceShipNotice> {

    boolean existsBySupplierIdAndAsnNumber(long supplierId, String asnNumber);

    List<AdvanceShipNotice> findByPurchaseOrderIdOrderByIdAsc(long purchaseOrderId);
}
