package org.lotledger.catalog.web;

import jakarta.validation.Valid;
import java.util.List;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.partner.ApprovalStatus;
import org.lotledger.catalog.partner.SupplierDraft;
import org.lotledger.catalog.partner.SupplierService;
import org.lotledger.catalog.partner.SupplierView;
import org.lotledger.platform.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/suppliers")
public class SupplierController {

    private final SupplierService service;
    private final CatalogAuditLog audit;
    private final CurrentActor actor;

    public SupplierController(SupplierService service, CatalogAuditLog audit, CurrentActor actor) {
        this.service = service;
        this.audit = audit;
        this.actor = actor;
    }

    @PostMapping
    public ResponseEntity<SupplierView> create(@Valid @RequestBody SupplierDraft draft) {
        SupplierView created = service.create(draft, actor.get().userId());
        return CatalogResponses.created(created.id(), created.version(), created);
    }

    @GetMapping("/{id}")
    public ResponseEntity<SupplierView> get(@PathVariable long id) {
        SupplierView view = service.get(id);
        return CatalogResponses.ok(view.version(), view);
    }

    @GetMapping
    public List<SupplierView> list(
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) ApprovalStatus approvalStatus) {
        return service.list(active, approvalStatus);
    }

    /** Needs If-Match with the ETag that was read: missing → 428 IF_MATCH_REQUIRED, stale → 412 VERSION_CONFLICT. */
    @PutMapping("/{id}")
    public ResponseEntity<SupplierView> update(
            @PathVariable long id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody SupplierDraft draft) {
        SupplierView view = service.update(
                id, Etags.expectedVersion(ifMatch), draft, actor.get().userId());
        return CatalogResponses.ok(view.version(), view);
    }

    /** Deactivates (never deletes); If-Match is checked when given. */
    @DeleteMapping("/{id}")
    public ResponseEntity<SupplierView> delete(
            @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return deactivate(id, ifMatch);
    }

    @PostMapping("/{id}/deactivate")
    public ResponseEntity<SupplierView> deactivate(
            @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Etags.expectedVersion(ifMatch);
        SupplierView view = service.deactivate(id, expected, actor.get().userId());
        return CatalogResponses.ok(view.version(), view);
    }

    @GetMapping("/{id}/audit")
    public List<CatalogResponses.AuditEntryView> audit(@PathVariable long id) {
        service.get(id);
        return CatalogResponses.audit(audit.history(SupplierService.ENTITY, id));
    }

    /** The lot number in a scanned label, by the supplier's lot-label convention (422 LOT_LABEL_NOT_RECOGNISED). */
    @GetMapping("/{id}/lot-number")
    public LotNumberReading lotNumber(@PathVariable long id, @RequestParam String scanned) {
        return new LotNumberReading(scanned, service.normaliseLotNumber(id, scanned));
    }

    /** The lot number in a scanned label, by the supplier's lot-label convention. */
    @io.swagger.v3.oas.annotations.media.Schema(
            requiredProperties = {"scanned", "lotNumber"},
            description = "The lot number in a scanned label, by the supplier's lot-label convention.")
    public record LotNumberReading(String scanned, String lotNumber) {}
}
