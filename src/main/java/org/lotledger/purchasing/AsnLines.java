package org.lotledger.purchasing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AsnLines extends JpaRepository<AsnLine, Long> {

    List<AsnLine> findByAdvanceShipNoticeIdOrderByLineNumberAsc(long advanceShipNoticeId);

    List<AsnLine> findByPurchaseOrderLineIdOrderByIdAsc(long purchaseOrderLineId);

    List<AsnLine> findBySsccOrderByIdAsc(String sscc);
}
