package org.lotledger.putaway.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.StockStatus;
import org.lotledger.ledger.web.LedgerController;
import org.lotledger.platform.security.CurrentActor;
import org.lotledger.platform.web.IdempotencyKey;
import org.lotledger.putaway.DirectingPutaway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/putaway")
@Tag(name = "Directed putaway", description = "Where released stock goes, confirmed by scan")
public class PutawayController {

    public record PutawayRequest(
            @NotBlank @Size(max = 60) String lot,
            @NotBlank @Size(max = 60) String fromLocation,
            @NotBlank @Size(max = 60) String toLocation,

            @NotNull
            @DecimalMin(LedgerController.MIN_QUANTITY)
            @DecimalMax(LedgerController.MAX_QUANTITY)
            @Digits(integer = 10, fraction = 6)
            BigDecimal quantity,

            @NotBlank @Size(max = 10) String unit,
            StockStatus status,
            @Size(max = 30) String overrideReasonCode) {}

    private final DirectingPutaway putaway;
    private final CurrentActor actor;

    public PutawayController(DirectingPutaway putaway, CurrentActor actor) {
        this.putaway = putaway;
        this.actor = actor;
    }

    @GetMapping("/suggestion")
    @Operation(summary = "The directed zone for a lot and the best locations in it")
    public DirectingPutaway.Suggestion suggest(
            @RequestParam String lot, @RequestParam String from, @RequestParam(required = false) StockStatus status) {
        return putaway.suggest(lot, from, status);
    }

    @PostMapping
    @Operation(summary = "Confirm a putaway by scan; outside the directed zone only with an override reason code")
    public ResponseEntity<Posting> confirm(IdempotencyKey key, @Valid @RequestBody PutawayRequest r) {
        Posting p = putaway.confirm(
                new DirectingPutaway.Confirmation(
                        r.lot(),
                        r.fromLocation(),
                        r.toLocation(),
                        r.quantity(),
                        r.unit(),
                        r.status(),
                        r.overrideReasonCode()),
                actor.get(),
                key.scoped());
        return ResponseEntity.created(URI.create("/api/postings/" + p.id())).body(p);
    }
}
