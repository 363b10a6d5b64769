package org.lotledger.catalog.web;

import jakarta.validation.Valid;
import java.util.List;
import org.lotledger.catalog.lot.LotAttributeChange;
import org.lotledger.catalog.lot.LotDraft;
import org.lotledger.catalog.lot.LotEventView;
import org.lotledger.catalog.lot.LotLineageView;
import org.lotledger.catalog.lot.LotService;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.platform.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lots. There is no PUT and no delete: attributes change only by PATCH with a reason, recorded as a lot event.
 * GET /api/lots/{id}/history (the postings of a lot) belongs to the ledger.
 */
@RestController
@RequestMapping("/api/lots")
public class LotController {

    private final LotService lots;
    private final CurrentActor actor;

    public LotController(LotService lots, CurrentActor actor) {
        this.lots = lots;
        this.actor = actor;
    }

    @PostMapping
    public ResponseEntity<LotView> create(@Valid @RequestBody LotDraft draft) {
        LotView lot = lots.create(draft, actor.get().userId());
        return CatalogResponses.created(lot.id(), lot.version(), lot);
    }

    @GetMapping("/{id}")
    public ResponseEntity<LotView> get(@PathVariable long id) {
        LotView lot = lots.get(id);
        return CatalogResponses.ok(lot.version(), lot);
    }

    /** batchRef and lotNumber match without regard to case and across suppliers (a recall names the batch). */
    @GetMapping
    public List<LotView> list(
            @RequestParam(required = false) Long item,
            @RequestParam(required = false) Long supplier,
            @RequestParam(required = false) String lotNumber,
            @RequestParam(required = false) String batchRef,
            @RequestParam(required = false) String label) {
        if (label != null && !label.isBlank()) {
            return lots.findByInternalLabel(label).stream().toList();
        }
        return lots.list(item, supplier, lotNumber, batchRef);
    }

    /** Needs If-Match (428 without, 412 when stale) and a reason; writes an ATTRIBUTE_CHANGED event. */
    @PatchMapping("/{id}")
    public ResponseEntity<LotView> change(
            @PathVariable long id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LotAttributeChange change) {
        LotView lot = lots.changeAttributes(
                id, Etags.expectedVersion(ifMatch), change, actor.get().userId());
        return CatalogResponses.ok(lot.version(), lot);
    }

    @GetMapping("/{id}/events")
    public List<LotEventView> events(@PathVariable long id) {
        return lots.events(id);
    }

    @GetMapping("/{id}/lineage")
    public LotLineageView lineage(@PathVariable long id) {
        return lots.lineage(id);
    }
}
