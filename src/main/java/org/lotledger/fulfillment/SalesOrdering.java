package org.lotledger.fulfillment;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.location.WarehouseView;
import org.lotledger.catalog.partner.CustomerView;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.OrderLineCatalog.OrderedItem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places sales orders, adds lines to them and cancels lines or whole orders. Every rule is checked before the
 * first row is written and each request is one transaction, so a refused request leaves nothing behind. A change
 * is "cancel the line, add a new one"; lines are never edited. Changes are audited in the catalog's audit log
 * (entity type {@value #ENTITY}); a cancelled line publishes {@link SalesOrderLineCancelled} inside the transaction.
 */
@Service
public class SalesOrdering {

    public static final String ENTITY = "SALES_ORDER";

    private final SalesOrders orders;
    private final SalesOrderLines lines;
    private final SalesOrderCatalog catalog;
    private final OrderLineCatalog lineCatalog;
    private final SalesOrderQueries queries;
    private final CatalogAuditLog audit;
    private final ApplicationEventPublisher events;
    private final SalesOrderPolicy policy;
    private final EntityManager entityManager;

    SalesOrdering(
            SalesOrders orders,
            SalesOrderLines lines,
            SalesOrderCatalog catalog,
            OrderLineCatalog lineCatalog,
            SalesOrderQueries queries,
            CatalogAuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            EntityManager entityManager) {
        this.orders = orders;
        this.lines = lines;
        this.catalog = catalog;
        this.lineCatalog = lineCatalog;
        this.queries = queries;
        this.audit = audit;
        this.events = events;
        this.policy = new SalesOrderPolicy(clock);
        this.entityManager = entityManager;
    }

    @Transactional
    public SalesOrderView place(SalesOrderDraft draft, String actor) {
        String source = draft.source().trim().toUpperCase();
        String number = draft.orderNumber().trim();
        orders.findBySourceAndOrderNumber(source, number).ifPresent(existing -> {
            throw numberTaken(source, number, existing.getId());
        });
        CustomerView customer = catalog.activeCustomer(draft.customerCode());
        WarehouseView warehouse = lineCatalog.activeWarehouse(draft.warehouseCode());
        policy.checkRequestedShipDate(draft.requestedShipDate(), ZoneId.of(warehouse.timeZone()));
        List<CheckedSalesOrderLine> checked = new ArrayList<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            checked.add(check(i + 1, draft.lines().get(i)));
        }

        SalesOrder order = new SalesOrder(
                source,
                number,
                customer.id(),
                warehouse.id(),
                draft.requestedShipDate(),
                blankToNull(draft.note()),
                actor);
        try {
            orders.saveAndFlush(order);
        } catch (DataIntegrityViolationException e) {
            // another request placed the same number between our check and our insert
            if (constraintOf(e).equals("sales_order_number_unique")) {
                throw numberTaken(source, number, null);
            }
            throw e;
        }
        for (int i = 0; i < checked.size(); i++) {
            lines.save(new SalesOrderLine(order.getId(), i + 1, checked.get(i)));
        }
        lines.flush();
        SalesOrderView view = queries.view(order);
        audit.created(ENTITY, order.getId(), view, actor);
        return view;
    }

    /** A new line on an order that still takes changes (not SHIPPED, CLOSED or CANCELLED), numbered after the last. */
    @Transactional
    public SalesOrderView addLine(long id, Long expectedVersion, SalesOrderDraft.Line line, String actor) {
        SalesOrder order = lockForChange(id, expectedVersion);
        List<SalesOrderLine> existing = lines.findBySalesOrderIdOrderByLineNumberAsc(id);
        int number = existing.isEmpty() ? 1 : existing.get(existing.size() - 1).getLineNumber() + 1;
        SalesOrderView before = queries.view(order);
        SalesOrderLine added = new SalesOrderLine(id, number, check(number, line));
        lines.saveAndFlush(added);
        List<SalesOrderLine> all = new ArrayList<>(existing);
        all.add(added);
        return changed(order, all, before, actor);
    }

    /** Cancels every line and so the order; refused (nothing cancelled) when any line has shipped. */
    @Transactional
    public SalesOrderView cancel(long id, Long expectedVersion, String reason, String actor) {
        SalesOrder order = lockForChange(id, expectedVersion);
        SalesOrderView before = queries.view(order);
        List<SalesOrderLine> all = lines.findBySalesOrderIdOrderByLineNumberAsc(id);
        String why = blankToNull(reason);
        List<SalesOrderLine> open = all.stream()
                .filter(l -> l.getStatus() != SalesOrderLineStatus.CANCELLED)
                .toList();
        // every line checked before the first is cancelled, so a refusal publishes no event at all
        open.forEach(SalesOrderLine::requireCancellable);
        for (SalesOrderLine l : open) {
            cancelLine(order, l, actor, why);
        }
        order.cancelled(actor, why);
        return changed(order, all, before, actor);
    }

    @Transactional
    public SalesOrderView cancelLine(long id, long lineId, Long expectedVersion, String reason, String actor) {
        SalesOrder order = lockForChange(id, expectedVersion);
        SalesOrderView before = queries.view(order);
        List<SalesOrderLine> all = lines.findBySalesOrderIdOrderByLineNumberAsc(id);
        SalesOrderLine line = all.stream()
                .filter(l -> l.getId() == lineId)
                .findFirst()
                .orElseThrow(() -> SalesOrderQueries.lineNotFound(id, lineId));
        String why = blankToNull(reason);
        cancelLine(order, line, actor, why);
        if (all.stream().allMatch(l -> l.getStatus() == SalesOrderLineStatus.CANCELLED)) {
            order.cancelled(actor, why);
        }
        return changed(order, all, before, actor);
    }

    /**
     * The order locked (select … for update), its If-Match version checked, and only then its version raised: a
     * change to one line is a change of the order document, so its ETag changes even when its status does not.
     */
    private SalesOrder lockForChange(long id, Long expectedVersion) {
        SalesOrder order = orders.lockById(id).orElseThrow(() -> SalesOrderQueries.notFound(id));
        order.requireVersion(expectedVersion);
        order.requireChangeable();
        entityManager.lock(order, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return order;
    }

    private void cancelLine(SalesOrder order, SalesOrderLine line, String actor, String reason) {
        long cancelled = line.cancel(actor, reason);
        events.publishEvent(new SalesOrderLineCancelled(
                order.getId(),
                line.getId(),
                line.getLineNumber(),
                line.getItemId(),
                order.getWarehouseId(),
                cancelled,
                actor,
                reason));
    }

    private SalesOrderView changed(SalesOrder order, List<SalesOrderLine> all, SalesOrderView before, String actor) {
        order.deriveStatus(all);
        lines.flush();
        orders.saveAndFlush(order);
        SalesOrderView after = queries.view(order);
        audit.updated(ENTITY, order.getId(), before, after, actor);
        return after;
    }

    private CheckedSalesOrderLine check(int n, SalesOrderDraft.Line line) {
        SalesOrderPolicy.checkItemReference(n, line.sku(), line.gtin(), line.uom());
        String currency = SalesOrderPolicy.currency(n, line.currency());
        OrderedItem ordered = lineCatalog.activeItem(n, line.sku(), line.gtin(), line.uom());
        long base = lineCatalog.toBaseUnits(n, ordered.item().id(), line.quantity(), ordered.uom());
        Long lotId = line.requestedLot() == null || line.requestedLot().isBlank()
                ? null
                : lineCatalog
                        .requestedLot(n, ordered.item(), line.requestedLot())
                        .id();
        return new CheckedSalesOrderLine(
                ordered.item().id(),
                line.quantity(),
                ordered.uom(),
                base,
                line.unitPrice(),
                currency,
                line.minRemainingShelfLifeDays(),
                lotId);
    }

    private static DomainException numberTaken(String source, String number, Long existingId) {
        return DomainException.conflict(
                "DUPLICATE_ORDER_NUMBER",
                "Sales order number " + number + " of " + source + " is already used",
                existingId == null
                        ? Map.of("source", source, "orderNumber", number)
                        : Map.of("source", source, "orderNumber", number, "salesOrderId", existingId));
    }

    private static String constraintOf(DataIntegrityViolationException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && c.getConstraintName() != null) {
                return c.getConstraintName();
            }
        }
        return "";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
