package org.lotledger.quality.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.security.CurrentActor;
import org.lotledger.platform.web.IdempotencyKey;
import org.lotledger.quality.RelabellingLot;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Relabelling over HTTP (ADR 0015, docs/recall.md "Genealogy"). Through the door (ADR 0009): the same key again
 * returns the first answer (201 replayed) instead of a second child lot.
 */
@RestController
@Tag(name = "Genealogy", description = "Relabel stock of a lot to a new child lot")
public class RelabelController {

    /**
     * @param lotNumber the child's lot number as printed on the new label: 1 to 60 letters, digits and {@code . _ / -},
     *                  starting with a letter or digit
     * @param quantity  whole base units of the item
     */
    public record RelabelRequest(
            @NotNull @Pattern(regexp = LOT_NUMBER) String lotNumber,
            @NotNull @Positive Long locationId,
            @NotNull StockStatus status,
            @NotNull @Positive @Max(MAX_UNITS) Long quantity,
            @Size(max = 60) @Pattern(regexp = BATCH_REF) String manufacturerBatchRef,
            LocalDate manufacturedOn,
            LocalDate expiresOn,
            LocalDate bestBeforeOn,
            @Size(max = 400) String note) {

        RelabellingLot.Relabel toRelabel() {
            return new RelabellingLot.Relabel(
                    lotNumber,
                    locationId,
                    status,
                    quantity,
                    manufacturerBatchRef,
                    manufacturedOn,
                    expiresOn,
                    bestBeforeOn,
                    note);
        }
    }

    static final String LOT_NUMBER = "[A-Za-z0-9][A-Za-z0-9._/-]{0,59}";

    static final String BATCH_REF = "[A-Za-z0-9][A-Za-z0-9._/ -]*";

    /** The ledger's ceiling of one movement: a trillion base units. */
    static final long MAX_UNITS = 1_000_000_000_000L;

    private final RelabellingLot relabelling;
    private final CurrentActor actor;

    public RelabelController(RelabellingLot relabelling, CurrentActor actor) {
        this.relabelling = relabelling;
        this.actor = actor;
    }

    @PostMapping("/api/lots/{id}/relabel")
    @Operation(
            summary =
                    "Relabel: a new child lot (same item and supplier, the parent's cost) takes a quantity of this lot at a location, in its status, by a RELABEL posting; the parent's holds adopt relabelled HOLD stock")
    public ResponseEntity<RelabellingLot.Relabelled> relabel(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody RelabelRequest r) {
        RelabellingLot.Relabelled done = relabelling.relabel(id, r.toRelabel(), actor.get(), key.scoped());
        return ResponseEntity.created(URI.create("/api/lots/" + done.child().id()))
                .body(done);
    }
}
