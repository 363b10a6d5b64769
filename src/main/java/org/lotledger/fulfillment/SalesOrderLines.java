package org.lotledger.fulfillment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SalesOrderLines extends JpaRepository<SalesOrderLine, Long> {

    List<SalesOrderLine> findBySalesOrderIdOrderByLineNumberAsc(long salesOrderId);

    List<SalesOrderLine> findBySalesOrderIdInOrderBySalesOrderIdAscLineNumberAsc(List<Long> salesOrderIds);
}
