package org.lotledger.fulfillment;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records on a sales order what a dispatched shipment took (issue 9 §7): each line's shipped base units, and the
 * line and order states that follow ({@link SalesOrderStates}: SHIPPED, PARTIALLY_SHIPPED). Runs in the dispatch's
 * transaction, after its SHIPMENT posting, so both commit or neither does. The order is locked and its version
 * raised like any change of the document, and the change is audited.
 */
@Service
public class RecordingShipments {

    private final SalesOrders orders;
    private final SalesOrderLines lines;
    private final SalesOrderQueries queries;
    private final CatalogAuditLog audit;
    private final EntityManager entityManager;

    RecordingShipments(
            SalesOrders orders,
            SalesOrderLines lines,
            SalesOrderQueries queries,
            CatalogAuditLog audit,
            EntityManager entityManager) {
        this.orders = orders;
        this.lines = lines;
        this.queries = queries;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    /**
     * @param shippedByLine base units shipped per sales order line id (lines of this order only)
     * @throws IllegalArgumentException for a line of another order (a programming error: the shipment names its lines)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SalesOrderView shipped(long orderId, Map<Long, Long> shippedByLine, String actor) {
        SalesOrder order = orders.lockById(orderId).orElseThrow(() -> SalesOrderQueries.notFound(orderId));
        entityManager.lock(order, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        SalesOrderView before = queries.view(order);
        List<SalesOrderLine> all = lines.findBySalesOrderIdOrderByLineNumberAsc(orderId);
        shippedByLine.forEach((lineId, quantity) -> all.stream()
                .filter(l -> l.getId().equals(lineId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("line " + lineId + " is not of order " + orderId))
                .shipped(quantity));
        order.deriveStatus(all);
        lines.flush();
        orders.saveAndFlush(order);
        SalesOrderView after = queries.view(order);
        audit.updated(SalesOrdering.ENTITY, orderId, before, after, actor);
        return after;
    }
}
