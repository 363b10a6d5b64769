package org.lotledger.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.lotledger.ledger.AdjustingStock;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.LedgerSelfAudit;
import org.lotledger.ledger.MovingStock;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.ReversingPostings;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.security.CurrentActor;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The ledger over HTTP. Every request that posts carries an {@code Idempotency-Key} header: a scanner that
 * retries after losing its connection gets the original posting back (200, {@code Idempotent-Replayed: true})
 * instead of a second one (201 the first time).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Ledger", description = "Postings, balances and the history of lots")
public class LedgerController {

    public record MoveRequest(PostingType purpose, @NotBlank String lot, @NotBlank String fromLocation,
                              @NotBlank String toLocation, @NotNull BigDecimal quantity, @NotBlank String unit,
                              StockStatus status, String referenceType, String referenceId) {
    }

    public record AdjustmentRequest(@NotBlank String lot, @NotBlank String location, StockStatus status,
                                    @NotNull BigDecimal quantity, @NotBlank String unit, @NotBlank String reasonCode,
                                    @Size(max = 500) String note, Instant occurredAt) {
    }

    public record ReversalRequest(@NotBlank String reasonCode, @Size(max = 500) String note) {
    }

    private final MovingStock moving;
    private final AdjustingStock adjusting;
    private final ReversingPostings reversing;
    private final Ledger ledger;
    private final LedgerQueries queries;
    private final LedgerSelfAudit audit;
    private final CurrentActor actor;

    public LedgerController(MovingStock moving, AdjustingStock adjusting, ReversingPostings reversing, Ledger ledger,
                            LedgerQueries queries, LedgerSelfAudit audit, CurrentActor actor) {
        this.moving = moving;
        this.adjusting = adjusting;
        this.reversing = reversing;
        this.ledger = ledger;
        this.queries = queries;
        this.audit = audit;
        this.actor = actor;
    }

    @PostMapping("/moves")
    @Operation(summary = "Move stock by scan: bin to bin or replenishment; the status is kept")
    public ResponseEntity<Posting> move(@RequestHeader("Idempotency-Key") String key, @Valid @RequestBody MoveRequest r) {
        return created(moving.move(new MovingStock.ScanMove(r.purpose(), r.lot(), r.fromLocation(), r.toLocation(),
                r.quantity(), r.unit(), r.status(), r.referenceType(), r.referenceId()), actor.get(), key));
    }

    @PostMapping("/adjustments")
    @Operation(summary = "Adjust stock at a location (signed quantity) with a reason code")
    public ResponseEntity<Posting> adjust(@RequestHeader("Idempotency-Key") String key,
                                          @Valid @RequestBody AdjustmentRequest r) {
        return created(adjusting.adjust(toAdjustment(r), actor.get(), key));
    }

    @PostMapping("/opening-balances")
    @Operation(summary = "Load stock that exists at go-live")
    public ResponseEntity<Posting> openingBalance(@RequestHeader("Idempotency-Key") String key,
                                                  @Valid @RequestBody AdjustmentRequest r) {
        return created(adjusting.openingBalance(toAdjustment(r), actor.get(), key));
    }

    @PostMapping("/postings/{id}/reversal")
    @Operation(summary = "Reverse a posting: post its inverse, referencing it")
    public ResponseEntity<Posting> reverse(@RequestHeader("Idempotency-Key") String key, @PathVariable long id,
                                           @Valid @RequestBody ReversalRequest r) {
        return created(reversing.reverse(id, r.reasonCode(), r.note(), actor.get(), key));
    }

    @GetMapping("/postings/{id}")
    public Posting posting(@PathVariable long id) {
        return ledger.load(id);
    }

    @GetMapping("/balances")
    @Operation(summary = "Balances per lot, location and status (non-zero; virtual locations on request)")
    public List<LedgerQueries.BalanceRow> balances(@RequestParam(required = false) Long item,
                                                   @RequestParam(required = false) Long lot,
                                                   @RequestParam(required = false) Long location,
                                                   @RequestParam(required = false) Long warehouse,
                                                   @RequestParam(required = false) StockStatus status,
                                                   @RequestParam(defaultValue = "false") boolean includeVirtual,
                                                   @RequestParam(defaultValue = "500") int limit,
                                                   @RequestParam(defaultValue = "0") int offset) {
        return queries.balances(new LedgerQueries.BalanceFilter(item, lot, location, warehouse, status, includeVirtual),
                Math.max(1, Math.min(limit, 5000)), Math.max(0, offset));
    }

    @GetMapping("/balances/as-of")
    @Operation(summary = "Balance of a lot at a location as of a past instant (recording time)")
    public LedgerQueries.AsOf asOf(@RequestParam long lot, @RequestParam long location,
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        return queries.balanceAsOf(lot, location, at);
    }

    @GetMapping("/lots/{id}/history")
    @Operation(summary = "Every leg of a lot, in the order the ledger recorded them")
    public List<LedgerQueries.HistoryRow> history(@PathVariable long id) {
        return queries.history(id);
    }

    @GetMapping("/ledger/audit")
    @Operation(summary = "The newest self-audit in the cluster (runs one if none has run)")
    public LedgerSelfAudit.AuditResult lastAudit() {
        LedgerSelfAudit.AuditResult last = audit.lastResult();
        return last != null ? last : audit.run("API");
    }

    @PostMapping("/ledger/audit")
    @Operation(summary = "Rebuild every balance from the ledger now and compare with the kept balances; one audit "
            + "runs at a time in the cluster: asked while one runs, the answer is that audit's result (same runId "
            + "and startedAt), given when it finishes")
    public LedgerSelfAudit.AuditResult runAudit() {
        return audit.run("API");
    }

    private static AdjustingStock.Adjustment toAdjustment(AdjustmentRequest r) {
        return new AdjustingStock.Adjustment(r.lot(), r.location(), r.status(), r.quantity(), r.unit(), r.reasonCode(),
                r.note(), r.occurredAt());
    }

    private static ResponseEntity<Posting> created(Posting p) {
        if (p.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(p);
        }
        return ResponseEntity.created(URI.create("/api/postings/" + p.id())).body(p);
    }
}
