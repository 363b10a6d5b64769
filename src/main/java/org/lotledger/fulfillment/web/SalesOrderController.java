package org.lotledger.fulfillment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.web.CatalogResponses;
import org.lotledger.catalog.web.Etags;
import org.lotledger.fulfillment.SalesOrderDraft;
import org.lotledger.fulfillment.SalesOrderQueries;
import org.lotledger.fulfillment.SalesOrderStatus;
import org.lotledger.fulfillment.SalesOrderView;
import org.lotledger.fulfillment.SalesOrdering;
import org.lotledger.platform.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sales orders, as the ERP places them; answers like purchase orders (201 + Location + ETag, 200 + ETag). Changes
 * take an optional If-Match (412 VERSION_CONFLICT when stale). Every write goes through the door (ADR 0009).
 */
@RestController
@RequestMapping("/api/sales-orders")
public class SalesOrderController {

    private final SalesOrdering ordering;
    private final SalesOrderQueries queries;
    private final CatalogAuditLog audit;
    private final CurrentActor actor;

    public SalesOrderController(
            SalesOrdering ordering, SalesOrderQueries queries, CatalogAuditLog audit, CurrentActor actor) {
        this.ordering = ordering;
        this.queries = queries;
        this.audit = audit;
        this.actor = actor;
    }

    @PostMapping
    public ResponseEntity<SalesOrderView> place(@Valid @RequestBody SalesOrderDraft draft) {
        SalesOrderView placed = ordering.place(draft, actor.get().userId());
        return CatalogResponses.created(placed.id(), placed.version(), placed);
    }

    @GetMapping("/{id}")
    public ResponseEntity<SalesOrderView> get(@PathVariable long id) {
        SalesOrderView view = queries.get(id);
        return CatalogResponses.ok(view.version(), view);
    }

    /** Newest first; {@code warehouse} by id or code; {@code limit} 1 to 500 (100), {@code offset} from 0. */
    @GetMapping
    public List<SalesOrderView> list(
            @RequestParam(required = false) Long customer,
            @RequestParam(required = false) SalesOrderStatus status,
            @RequestParam(required = false) String warehouse,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return queries.list(customer, status, warehouse, Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
    }

    /** A reason to cancel, optional. */
    @Schema(name = "SalesOrderCancellation")
    public record Cancellation(@Size(max = 500) String reason) {}

    /**
     * Cancels every line and so the order (409 SALES_ORDER_LINE_SHIPPED when a line has shipped, nothing
     * cancelled then; 409 SALES_ORDER_NOT_OPEN when it is shipped, closed or cancelled already).
     */
    @PostMapping("/{id}/cancel")
    public ResponseEntity<SalesOrderView> cancel(
            @PathVariable long id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) Cancellation body) {
        SalesOrderView view = ordering.cancel(
                id,
                expected(ifMatch),
                body == null ? null : body.reason(),
                actor.get().userId());
        return CatalogResponses.ok(view.version(), view);
    }

    /** Cancels one line (409 SALES_ORDER_LINE_SHIPPED, SALES_ORDER_LINE_NOT_OPEN, SALES_ORDER_NOT_OPEN). */
    @PostMapping("/{id}/lines/{lineId}/cancel")
    public ResponseEntity<SalesOrderView> cancelLine(
            @PathVariable long id,
            @PathVariable long lineId,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) Cancellation body) {
        SalesOrderView view = ordering.cancelLine(
                id,
                lineId,
                expected(ifMatch),
                body == null ? null : body.reason(),
                actor.get().userId());
        return CatalogResponses.ok(view.version(), view);
    }

    /** Adds a line to an order that still takes changes; a change of a line is a cancel of it plus a new line. */
    @PostMapping("/{id}/lines")
    public ResponseEntity<SalesOrderView> addLine(
            @PathVariable long id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody SalesOrderDraft.Line line) {
        SalesOrderView view =
                ordering.addLine(id, expected(ifMatch), line, actor.get().userId());
        return CatalogResponses.ok(view.version(), view);
    }

    @GetMapping("/{id}/audit")
    public List<CatalogResponses.AuditEntryView> audit(@PathVariable long id) {
        queries.load(id);
        return CatalogResponses.audit(audit.history(SalesOrdering.ENTITY, id));
    }

    private static Long expected(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : Etags.expectedVersion(ifMatch);
    }
}
