package org.lotledger.purchasing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.web.CatalogResponses;
import org.lotledger.catalog.web.Etags;
import org.lotledger.platform.security.CurrentActor;
import org.lotledger.purchasing.AnnouncingShipments;
import org.lotledger.purchasing.AsnView;
import org.lotledger.purchasing.PurchaseOrderDraft;
import org.lotledger.purchasing.PurchaseOrderQueries;
import org.lotledger.purchasing.PurchaseOrderStatus;
import org.lotledger.purchasing.PurchaseOrderView;
import org.lotledger.purchasing.PurchaseOrdering;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Purchase orders, as the ERP places them; answers like the catalog (201 + Location + ETag, 200 + ETag). */
@RestController
@RequestMapping("/api/purchase-orders")
public class PurchaseOrderController {

    private final PurchaseOrdering ordering;
    private final PurchaseOrderQueries queries;
    private final AnnouncingShipments shipments;
    private final CatalogAuditLog audit;
    private final CurrentActor actor;

    public PurchaseOrderController(
            PurchaseOrdering ordering,
            PurchaseOrderQueries queries,
            AnnouncingShipments shipments,
            CatalogAuditLog audit,
            CurrentActor actor) {
        this.ordering = ordering;
        this.queries = queries;
        this.shipments = shipments;
        this.audit = audit;
        this.actor = actor;
    }

    @PostMapping
    public ResponseEntity<PurchaseOrderView> place(@Valid @RequestBody PurchaseOrderDraft draft) {
        PurchaseOrderView placed = ordering.place(draft, actor.get().userId());
        return CatalogResponses.created(placed.id(), placed.version(), placed);
    }

    @GetMapping("/{id}")
    public ResponseEntity<PurchaseOrderView> get(@PathVariable long id) {
        PurchaseOrderView view = queries.get(id);
        return CatalogResponses.ok(view.version(), view);
    }

    @GetMapping
    public List<PurchaseOrderView> list(
            @RequestParam(required = false) Long supplier,
            @RequestParam(required = false) PurchaseOrderStatus status,
            @RequestParam(required = false) String poNumber) {
        return queries.list(supplier, status, poNumber);
    }

    /** A reason to cancel, optional. */
    public record Cancellation(@Size(max = 500) String reason) {}

    /**
     * Cancels an order of which nothing was received (409 PURCHASE_ORDER_HAS_RECEIPTS otherwise). If-Match is
     * checked when given (412 VERSION_CONFLICT), like a catalog deactivation.
     */
    @PostMapping("/{id}/cancel")
    public ResponseEntity<PurchaseOrderView> cancel(
            @PathVariable long id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) Cancellation body) {
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Etags.expectedVersion(ifMatch);
        PurchaseOrderView view = ordering.cancel(
                id, expected, body == null ? null : body.reason(), actor.get().userId());
        return CatalogResponses.ok(view.version(), view);
    }

    @GetMapping("/{id}/advance-ship-notices")
    public List<AsnView> advanceShipNotices(@PathVariable long id) {
        return shipments.forPurchaseOrder(id);
    }

    @GetMapping("/{id}/audit")
    public List<CatalogResponses.AuditEntryView> audit(@PathVariable long id) {
        queries.load(id);
        return CatalogResponses.audit(audit.history(PurchaseOrdering.ENTITY, id));
    }
}
