package org.lotledger.fulfillment;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.common.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads sales orders: one by id, or a page of them filtered by customer, status and ship-from warehouse. */
@Service
@Transactional(readOnly = true)
public class SalesOrderQueries {

    private final SalesOrders orders;
    private final SalesOrderLines lines;
    private final SalesOrderCatalog catalog;
    private final EntityManager entityManager;

    SalesOrderQueries(
            SalesOrders orders, SalesOrderLines lines, SalesOrderCatalog catalog, EntityManager entityManager) {
        this.orders = orders;
        this.lines = lines;
        this.catalog = catalog;
        this.entityManager = entityManager;
    }

    public SalesOrderView get(long id) {
        return view(load(id));
    }

    public SalesOrder load(long id) {
        return orders.findById(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Newest first, {@code limit} from {@code offset}, as the other lists of the API page.
     *
     * @param warehouse the ship-from warehouse by id or code
     */
    public List<SalesOrderView> list(
            Long customerId, SalesOrderStatus status, String warehouse, int limit, int offset) {
        Long warehouseId = catalog.resolveWarehouseId(warehouse);
        StringBuilder jpql = new StringBuilder("select o from SalesOrder o where 1 = 1");
        Map<String, Object> args = new LinkedHashMap<>();
        if (customerId != null) {
            jpql.append(" and o.customerId = :customerId");
            args.put("customerId", customerId);
        }
        if (status != null) {
            jpql.append(" and o.status = :status");
            args.put("status", status);
        }
        if (warehouseId != null) {
            jpql.append(" and o.warehouseId = :warehouseId");
            args.put("warehouseId", warehouseId);
        }
        jpql.append(" order by o.id desc");
        TypedQuery<SalesOrder> query = entityManager.createQuery(jpql.toString(), SalesOrder.class);
        args.forEach(query::setParameter);
        List<SalesOrder> page =
                query.setFirstResult(offset).setMaxResults(limit).getResultList();
        Map<Long, List<SalesOrderLine>> linesOf = lines
                .findBySalesOrderIdInOrderBySalesOrderIdAscLineNumberAsc(
                        page.stream().map(SalesOrder::getId).toList())
                .stream()
                .collect(Collectors.groupingBy(SalesOrderLine::getSalesOrderId));
        Lookups lookups = new Lookups();
        List<SalesOrderView> views = new ArrayList<>();
        for (SalesOrder o : page) {
            views.add(view(o, linesOf.getOrDefault(o.getId(), List.of()), lookups));
        }
        return views;
    }

    SalesOrderView view(SalesOrder order) {
        return view(order, lines.findBySalesOrderIdOrderByLineNumberAsc(order.getId()), new Lookups());
    }

    /** Catalog reads shared by the orders of one answer. */
    private final class Lookups {
        final Map<Long, Optional<ItemView>> items = new HashMap<>();
        final Map<Long, Optional<String>> lots = new HashMap<>();
        final Map<Long, Optional<String>> customers = new HashMap<>();
        final Map<Long, Optional<String>> warehouses = new HashMap<>();
    }

    private SalesOrderView view(SalesOrder o, List<SalesOrderLine> orderLines, Lookups lookups) {
        List<SalesOrderView.Line> views = orderLines.stream()
                .map(l -> {
                    Optional<ItemView> item = lookups.items.computeIfAbsent(l.getItemId(), catalog::item);
                    String lotNumber = l.getRequestedLotId() == null
                            ? null
                            : lookups.lots
                                    .computeIfAbsent(
                                            l.getRequestedLotId(),
                                            id -> catalog.lot(id).map(LotView::lotNumber))
                                    .orElse(null);
                    return SalesOrderView.Line.of(
                            l,
                            item.map(ItemView::sku).orElse(null),
                            item.map(ItemView::baseUom).orElse(null),
                            lotNumber);
                })
                .toList();
        return new SalesOrderView(
                o.getId(),
                o.getSource(),
                o.getOrderNumber(),
                o.getCustomerId(),
                lookups.customers
                        .computeIfAbsent(o.getCustomerId(), catalog::customerCode)
                        .orElse(null),
                o.getWarehouseId(),
                lookups.warehouses
                        .computeIfAbsent(o.getWarehouseId(), catalog::warehouseCode)
                        .orElse(null),
                o.getRequestedShipDate(),
                o.getStatus(),
                o.getNote(),
                o.getCreatedBy(),
                o.getCancelledBy(),
                o.getCancelReason(),
                views,
                o.getVersion(),
                o.getCreatedAt(),
                o.getUpdatedAt());
    }

    static DomainException notFound(long id) {
        return DomainException.notFound(
                "UNKNOWN_SALES_ORDER", "Sales order " + id + " does not exist", Map.of("salesOrderId", id));
    }

    static DomainException lineNotFound(long id, long lineId) {
        return DomainException.notFound(
                "UNKNOWN_SALES_ORDER_LINE",
                "Sales order " + id + " has no line " + lineId,
                Map.of("salesOrderId", id, "salesOrderLineId", lineId));
    }
}
