package org.lotledger.purchasing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.CatalogSpecs;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.partner.SupplierView;
import org.lotledger.common.DomainException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads purchase orders; also what receiving uses to find an order and its lines without locking them. */
@Service
@Transactional(readOnly = true)
public class PurchaseOrderQueries {

    private final PurchaseOrders orders;
    private final PurchaseOrderLines lines;
    private final CatalogQueries catalog;

    public PurchaseOrderQueries(PurchaseOrders orders, PurchaseOrderLines lines, CatalogQueries catalog) {
        this.orders = orders;
        this.lines = lines;
        this.catalog = catalog;
    }

    public PurchaseOrderView get(long id) {
        return view(load(id));
    }

    public Optional<PurchaseOrderView> findByNumber(String poNumber) {
        return poNumber == null
                ? Optional.empty()
                : orders.findByPoNumber(poNumber.trim().toUpperCase()).map(this::view);
    }

    public List<PurchaseOrderView> list(Long supplierId, PurchaseOrderStatus status, String poNumber) {
        Specification<PurchaseOrder> spec = Specification.<PurchaseOrder>where(
                        CatalogSpecs.eq("supplierId", supplierId))
                .and(CatalogSpecs.eq("status", status))
                .and(CatalogSpecs.eqIgnoreCase("poNumber", poNumber));
        return orders.findAll(spec, Sort.by("id")).stream().map(this::view).toList();
    }

    public PurchaseOrder load(long id) {
        return orders.findById(id).orElseThrow(() -> notFound(id));
    }

    PurchaseOrderView view(PurchaseOrder order) {
        String supplierCode = catalog.findSupplier(order.getSupplierId())
                .map(SupplierView::code)
                .orElse(null);
        Map<Long, Optional<ItemView>> items = new HashMap<>();
        List<PurchaseOrderView.Line> views = lines.findByPurchaseOrderIdOrderByLineNumberAsc(order.getId()).stream()
                .map(l -> {
                    Optional<ItemView> item = items.computeIfAbsent(l.getItemId(), catalog::findItem);
                    return PurchaseOrderView.Line.of(
                            l,
                            item.map(ItemView::sku).orElse(null),
                            item.map(ItemView::baseUom).orElse(null));
                })
                .toList();
        return PurchaseOrderView.of(order, supplierCode, views);
    }

    static DomainException notFound(long id) {
        return DomainException.notFound(
                "UNKNOWN_PURCHASE_ORDER", "Purchase order " + id + " does not exist", Map.of("purchaseOrderId", id));
    }
}
