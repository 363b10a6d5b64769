package org.lotledger.fulfillment;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SalesOrders extends JpaRepository<SalesOrder, Long> {

    Optional<SalesOrder> findBySourceAndOrderNumber(String source, String orderNumber);

    /** select … for update: two changes to one order wait for each other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from SalesOrder o where o.id = :id")
    Optional<SalesOrder> lockById(@Param("id") long id);
}
