package org.lotledger.catalog.web;

import jakarta.validation.Valid;
import java.util.List;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.location.ZoneDraft;
import org.lotledger.catalog.location.ZoneService;
import org.lotledger.catalog.location.ZoneType;
import org.lotledger.catalog.location.ZoneView;
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
@RequestMapping("/api/zones")
public class ZoneController {

    private final ZoneService service;
    private final CatalogAuditLog audit;
    private final CurrentActor actor;

    public ZoneController(ZoneService service, CatalogAuditLog audit, CurrentActor actor) {
        this.service = service;
        this.audit = audit;
        this.actor = actor;
    }

    @PostMapping
    public ResponseEntity<ZoneView> create(@Valid @RequestBody ZoneDraft draft) {
        ZoneView created = service.create(draft, actor.get().userId());
        return CatalogResponses.created(created.id(), created.version(), created);
    }

    @GetMapping("/{id}")
    public ResponseEntity<ZoneView> get(@PathVariable long id) {
        ZoneView view = service.get(id);
        return CatalogResponses.ok(view.version(), view);
    }

    @GetMapping
    public List<ZoneView> list(
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) ZoneType zoneType) {
        return service.list(active, warehouse, zoneType);
    }

    /** Needs If-Match with the ETag that was read: missing → 428 IF_MATCH_REQUIRED, stale → 412 VERSION_CONFLICT. */
    @PutMapping("/{id}")
    public ResponseEntity<ZoneView> update(
            @PathVariable long id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ZoneDraft draft) {
        ZoneView view = service.update(
                id, Etags.expectedVersion(ifMatch), draft, actor.get().userId());
        return CatalogResponses.ok(view.version(), view);
    }

    /** Deactivates (never deletes); If-Match is checked when given. */
    @DeleteMapping("/{id}")
    public ResponseEntity<ZoneView> delete(
            @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return deactivate(id, ifMatch);
    }

    @PostMapping("/{id}/deactivate")
    public ResponseEntity<ZoneView> deactivate(
            @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Etags.expectedVersion(ifMatch);
        ZoneView view = service.deactivate(id, expected, actor.get().userId());
        return CatalogResponses.ok(view.version(), view);
    }

    @GetMapping("/{id}/audit")
    public List<CatalogResponses.AuditEntryView> audit(@PathVariable long id) {
        service.get(id);
        return CatalogResponses.audit(audit.history(ZoneService.ENTITY, id));
    }
}
