package org.lotledger.catalog.web;

import jakarta.validation.Valid;
import java.util.List;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.location.WarehouseDraft;
import org.lotledger.catalog.location.WarehouseService;
import org.lotledger.catalog.location.WarehouseView;
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
@RequestMapping("/api/warehouses")
public class WarehouseController {

    private final WarehouseService service;
    private final CatalogAuditLog audit;
    private final CurrentActor actor;

    public WarehouseController(WarehouseService service, CatalogAuditLog audit, CurrentActor actor) {
        this.service = service;
        this.audit = audit;
        this.actor = actor;
    }

    @PostMapping
    public ResponseEntity<WarehouseView> create(@Valid @RequestBody WarehouseDraft draft) {
        WarehouseView created = service.create(draft, actor.get().userId());
        return CatalogResponses.created(created.id(), created.version(), created);
    }

    @GetMapping("/{id}")
    public ResponseEntity<WarehouseView> get(@PathVariable long id) {
        WarehouseView view = service.get(id);
        return CatalogResponses.ok(view.version(), view);
    }

    @GetMapping
    public List<WarehouseView> list(@RequestParam(required = false) Boolean active) {
        return service.list(active);
    }

    /** Needs If-Match with the ETag that was read: missing → 428 IF_MATCH_REQUIRED, stale → 412 VERSION_CONFLICT. */
    @PutMapping("/{id}")
    public ResponseEntity<WarehouseView> update(
            @PathVariable long id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody WarehouseDraft draft) {
        WarehouseView view = service.update(
                id, Etags.expectedVersion(ifMatch), draft, actor.get().userId());
        return CatalogResponses.ok(view.version(), view);
    }

    /** Deactivates (never deletes); If-Match is checked when given. */
    @DeleteMapping("/{id}")
    public ResponseEntity<WarehouseView> delete(
            @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return deactivate(id, ifMatch);
    }

    @PostMapping("/{id}/deactivate")
    public ResponseEntity<WarehouseView> deactivate(
            @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Etags.expectedVersion(ifMatch);
        WarehouseView view = service.deactivate(id, expected, actor.get().userId());
        return CatalogResponses.ok(view.version(), view);
    }

    @GetMapping("/{id}/audit")
    public List<CatalogResponses.AuditEntryView> audit(@PathVariable long id) {
        service.get(id);
        return CatalogResponses.audit(audit.history(WarehouseService.ENTITY, id));
    }
}
