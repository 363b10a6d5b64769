package org.lotledger.purchasing;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PurchaseOrderLines extends JpaRepository<PurchaseOrderLine, Long> {

    List<PurchaseOrderLine> findByPurchaseOrderIdOrderByLineNumberAsc(long purchaseOrderId);

    List<PurchaseOrderLine> findByPurchaseOrderIdInOrderByPurchaseOrderIdAscLineNumberAsc(List<Long> purchaseOrderIds);

    /**
     * The line, locked for the rest of the transaction (select … for update). Receiving reads the received quantity
     * only through this, so that two clerks on one line check the tolerance one after the other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from PurchaseOrderLine l where l.id = :id")
    Optional<PurchaseOrderLine> lockById(@Param("id") long id);

    /** Every line of an order, locked in id order (one order for all lockers, so no deadlock). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from PurchaseOrderLine l where l.purchaseOrderId = :purchaseOrderId order by l.id")
    List<PurchaseOrderLine> lockAllOf(@Param("purchaseOrderId") long purchaseOrderId);
}
