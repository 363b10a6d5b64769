package org.lotledger.catalog.web;

import jakarta.validation.Valid;
import java.util.List;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.item.ItemDraft;
import org.lotledger.catalog.item.ItemService;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.item.TemperatureClass;
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
@RequestMapping("/api/items")
public class ItemController {

    private final ItemService service;
    private final CatalogAuditLog audit;
    private final CurrentActor actor;

    private final org.lotledger.catalog.CatalogQueries conversion;

    public ItemController(
            ItemService service,
            CatalogAuditLog audit,
            CurrentActor actor,
            org.lotledger.catalog.CatalogQueries conversion) {
        this.conversion = conversion;
        this.service = service;
        this.audit = audit;
        this.actor = actor;
    }

    @PostMapping
    public ResponseEntity<ItemView> create(@Valid @RequestBody ItemDraft draft) {
        ItemView created = service.create(draft, actor.get().userId());
        return CatalogResponses.created(created.id(), created.version(), created);
    }

    @GetMapping("/{id}")
    public ResponseEntity<ItemView> get(@PathVariable long id) {
        ItemView view = service.get(id);
        return CatalogResponses.ok(view.version(), view);
    }

    @GetMapping
    public List<ItemView> list(
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) TemperatureClass temperatureClass,
            @RequestParam(required = false) String gtin) {
        return service.list(active, sku, temperatureClass, gtin);
    }

    /** Needs If-Match with the ETag that was read: missing → 428 IF_MATCH_REQUIRED, stale → 412 VERSION_CONFLICT. */
    @PutMapping("/{id}")
    public ResponseEntity<ItemView> update(
            @PathVariable long id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ItemDraft draft) {
        ItemView view = service.update(
                id, Etags.expectedVersion(ifMatch), draft, actor.get().userId());
        return CatalogResponses.ok(view.version(), view);
    }

    /** Deactivates (never deletes); If-Match is checked when given. */
    @DeleteMapping("/{id}")
    public ResponseEntity<ItemView> delete(
            @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return deactivate(id, ifMatch);
    }

    @PostMapping("/{id}/deactivate")
    public ResponseEntity<ItemView> deactivate(
            @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Etags.expectedVersion(ifMatch);
        ItemView view = service.deactivate(id, expected, actor.get().userId());
        return CatalogResponses.ok(view.version(), view);
    }

    @GetMapping("/{id}/audit")
    public List<CatalogResponses.AuditEntryView> audit(@PathVariable long id) {
        service.get(id);
        return CatalogResponses.audit(audit.history(ItemService.ENTITY, id));
    }

    /** What the ledger will post for a quantity in one of the item's units (422 UOM_NOT_CONVERTIBLE otherwise). */
    @GetMapping("/{id}/base-units")
    public BaseUnits baseUnits(
            @PathVariable long id, @RequestParam java.math.BigDecimal quantity, @RequestParam String uom) {
        long base = conversion.toBaseUnits(id, quantity, uom);
        return new BaseUnits(id, quantity, uom.trim().toUpperCase(), base);
    }

    /** What the ledger posts for a quantity in one of the item's units; {@code uom} upper case. */
    @io.swagger.v3.oas.annotations.media.Schema(
            requiredProperties = {"itemId", "quantity", "uom", "baseUnits"},
            description = "What the ledger posts for a quantity in one of the item's units.")
    public record BaseUnits(long itemId, java.math.BigDecimal quantity, String uom, long baseUnits) {}
}
