package org.lotledger.purchasing.web;

import jakarta.validation.Valid;
import java.util.List;
import org.lotledger.catalog.web.CatalogResponses;
import org.lotledger.platform.security.CurrentActor;
import org.lotledger.purchasing.AnnouncingShipments;
import org.lotledger.purchasing.AsnDraft;
import org.lotledger.purchasing.AsnStatus;
import org.lotledger.purchasing.AsnView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Suppliers' advance ship notices, as the ERP forwards them. */
@RestController
@RequestMapping("/api/advance-ship-notices")
public class AdvanceShipNoticeController {

    private final AnnouncingShipments shipments;
    private final CurrentActor actor;

    public AdvanceShipNoticeController(AnnouncingShipments shipments, CurrentActor actor) {
        this.shipments = shipments;
        this.actor = actor;
    }

    @PostMapping
    public ResponseEntity<AsnView> announce(@Valid @RequestBody AsnDraft draft) {
        AsnView created = shipments.announce(draft, actor.get().userId());
        return CatalogResponses.created(created.id(), created.version(), created);
    }

    @GetMapping("/{id}")
    public ResponseEntity<AsnView> get(@PathVariable long id) {
        AsnView view = shipments.get(id);
        return CatalogResponses.ok(view.version(), view);
    }

    @GetMapping
    public List<AsnView> list(
            @RequestParam(required = false) Long supplier,
            @RequestParam(required = false) AsnStatus status,
            @RequestParam(required = false) String sscc) {
        return shipments.list(supplier, status, sscc);
    }
}
