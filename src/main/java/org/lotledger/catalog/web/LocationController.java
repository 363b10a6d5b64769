package org.lotledger.catalog.web;

import jakarta.validation.Valid;
import java.util.List;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.location.LocationDraft;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.catalog.location.LocationService;
import org.lotledger.catalog.location.LocationView;
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
@RequestMapping("/api/locations")
public class LocationController {

    private final LocationService service;
    private final CatalogAuditLog audit;
    private final CurrentActor actor;

    public LocationController(LocationService service, CatalogAuditLog audit, CurrentActor actor) {
        this.service = service;
        this.audit = audit;
        this.actor = actor;
    }

    @PostMapping
    public ResponseEntity<LocationView> create(@Valid @RequestBody LocationDraft draft) {
        LocationView created = service.create(draft, actor.get().userId());
        return CatalogResponses.created(created.id(), created.version(), created);
    }

    @GetMapping("/{id}")
    public ResponseEntity<LocationView> get(@PathVariable long id) {
        LocationView view = service.get(id);
        return CatalogResponses.ok(view.version(), view);
    }

    @GetMapping
    public List<LocationView> list(
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Long zone,
            @RequestParam(required = false) LocationKind kind,
            @RequestParam(required = false) String barcode) {
        return service.list(active, warehouse, zone, kind, barcode);
    }

    /** Needs If-Match with the ETag that was read: missing → 428 IF_MATCH_REQUIRED, stale → 412 VERSION_CONFLICT. */
    @PutMapping("/{id}")
    public ResponseEntity<LocationView> update(
            @PathVariable long id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LocationDraft draft) {
        LocationView view = service.update(
                id, Etags.expectedVersion(ifMatch), draft, actor.get().userId());
        return CatalogResponses.ok(view.version(), view);
    }

    /** Deactivates (never deletes); If-Match is checked when given. */
    @DeleteMapping("/{id}")
    public ResponseEntity<LocationView> delete(
            @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return deactivate(id, ifMatch);
    }

    @PostMapping("/{id}/deactivate")
    public ResponseEntity<LocationView> deactivate(
            @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Etags.expectedVersion(ifMatch);
        LocationView view = service.deactivate(id, expected, actor.get().userId());
        return CatalogResponses.ok(view.version(), view);
    }

    @GetMapping("/{id}/audit")
    public List<CatalogResponses.AuditEntryView> audit(@PathVariable long id) {
        service.get(id);
        return CatalogResponses.audit(audit.history(LocationService.ENTITY, id));
    }
}
