package org.lotledger.purchasing;

import static org.lotledger.purchasing.PurchasingRules.onLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.partner.SupplierView;
import org.lotledger.common.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places and cancels purchase orders. Every rule is checked before the first row is written, and the whole order
 * is one transaction, so a refused order leaves nothing behind. Changes are audited in the catalog's audit log
 * (entity type {@value #ENTITY}).
 */
@Service
public class PurchaseOrdering {

    public static final String ENTITY = "PURCHASE_ORDER";

    private final PurchaseOrders orders;
    private final PurchaseOrderLines lines;
    private final AdvanceShipNotices notices;
    private final CatalogQueries catalog;
    private final PurchaseOrderQueries queries;
    private final CatalogAuditLog audit;

    public PurchaseOrdering(
            PurchaseOrders orders,
            PurchaseOrderLines lines,
            AdvanceShipNotices notices,
            CatalogQueries catalog,
            PurchaseOrderQueries queries,
            CatalogAuditLog audit) {
        this.orders = orders;
        this.lines = lines;
        this.notices = notices;
        this.catalog = catalog;
        this.queries = queries;
        this.audit = audit;
    }

    private record CheckedLine(
            int lineNumber,
            long itemId,
            BigDecimal quantity,
            String uom,
            long baseQuantity,
            BigDecimal expectedUnitPrice) {}

    @Transactional
    public PurchaseOrderView place(PurchaseOrderDraft draft, String actor) {
        String number = draft.poNumber().trim().toUpperCase();
        orders.findByPoNumber(number).ifPresent(existing -> {
            throw numberTaken(number, existing.getId());
        });
        SupplierView supplier = PurchasingRules.orderableSupplier(catalog, draft.supplierId());
        String currency = PurchasingRules.currency(draft.currency());
        List<CheckedLine> checked = new ArrayList<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            checked.add(check(i + 1, draft.lines().get(i)));
        }

        PurchaseOrder order = new PurchaseOrder(number, supplier.id(), currency, blankToNull(draft.note()), actor);
        try {
            orders.saveAndFlush(order);
        } catch (DataIntegrityViolationException e) {
            // another request placed the same number between our check and our insert
            if (PurchasingRules.constraintOf(e).equals("purchase_order_number_unique")) {
                throw numberTaken(number, null);
            }
            throw e;
        }
        for (CheckedLine c : checked) {
            lines.save(new PurchaseOrderLine(
                    order.getId(),
                    c.lineNumber(),
                    c.itemId(),
                    c.quantity(),
                    c.uom(),
                    c.baseQuantity(),
                    c.expectedUnitPrice()));
        }
        lines.flush();
        PurchaseOrderView view = queries.view(order);
        audit.created(ENTITY, order.getId(), view, actor);
        return view;
    }

    /**
     * Cancels an order of which nothing was received: the order, its lines and its open ASNs. Locks the lines (in id
     * order, as receiving does) before the header, so a receipt running at the same time either finishes first and
     * makes the cancellation fail, or waits and then finds the line CANCELLED.
     */
    @Transactional
    public PurchaseOrderView cancel(long id, Long expectedVersion, String reason, String actor) {
        List<PurchaseOrderLine> locked = lines.lockAllOf(id);
        PurchaseOrder order = orders.lockById(id).orElseThrow(() -> PurchaseOrderQueries.notFound(id));
        order.requireVersion(expectedVersion);
        PurchaseOrderView before = queries.view(order);
        order.cancel(actor, blankToNull(reason));
        locked.forEach(PurchaseOrderLine::cancel);
        notices.findByPurchaseOrderIdOrderByIdAsc(id).forEach(AdvanceShipNotice::cancel);
        orders.saveAndFlush(order);
        lines.flush();
        notices.flush();
        PurchaseOrderView after = queries.view(order);
        audit.updated(ENTITY, id, before, after, actor);
        return after;
    }

    private CheckedLine check(int n, PurchaseOrderDraft.Line line) {
        ItemView item = PurchasingRules.activeItem(catalog, n, line.itemId());
        long base = onLine(n, () -> catalog.toBaseUnits(item.id(), line.quantity(), line.uom()));
        if (line.expectedUnitPrice().signum() < 0) {
            throw DomainException.unprocessable(
                    "INVALID_UNIT_PRICE",
                    "Line " + n + ": the expected unit price must be zero or more",
                    Map.of("line", n, "expectedUnitPrice", line.expectedUnitPrice()));
        }
        return new CheckedLine(
                n, item.id(), line.quantity(), line.uom().trim().toUpperCase(), base, line.expectedUnitPrice());
    }

    private static DomainException numberTaken(String number, Long existingId) {
        return DomainException.conflict(
                "PO_NUMBER_TAKEN",
                "Purchase order number " + number + " is already used",
                existingId == null
                        ? Map.of("poNumber", number)
                        : Map.of("poNumber", number, "purchaseOrderId", existingId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
