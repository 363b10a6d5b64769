package org.lotledger.ledger.web;

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
import org.lotledger.platform.web.IdempotencyKey;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger over HTTP. Every write passes the door (platform.web.IdempotentWrites, ADR 0009): a scanner that
 * retries after losing its connection gets the original posting back (200, {@code Idempotent-Replayed: true})
 * instead of a second one (201 the first time).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Ledger", description = "Postings, balances and the history of lots")
public class LedgerController {

    /**
     * A scan move. {@code clientReference}: the client's own reference (a pick list, a task id), stored as the
     * posting's SCAN reference; the reference types that services own (RECEIPT, QUALITY_HOLD, ...) cannot be claimed.
     */
    public record MoveRequest(
            PostingType purpose,
            @NotBlank @Size(max = 60) String lot,
            @NotBlank @Size(max = 60) String fromLocation,
            @NotBlank @Size(max = 60) String toLocation,

            @NotNull @DecimalMin(MIN_QUANTITY) @DecimalMax(MAX_QUANTITY) @Digits(integer = 10, fraction = 6)
            BigDecimal quantity,

            @NotBlank @Size(max = 10) String unit,
            StockStatus status,
            @Size(max = 100) String clientReference) {}

    public record AdjustmentRequest(
            @NotBlank @Size(max = 60) String lot,
            @NotBlank @Size(max = 60) String location,
            StockStatus status,

            @NotNull @DecimalMin(MIN_QUANTITY) @DecimalMax(MAX_QUANTITY) @Digits(integer = 10, fraction = 6)
            BigDecimal quantity,

            @NotBlank @Size(max = 10) String unit,
            @NotBlank @Size(max = 30) String reasonCode,
            @Size(max = 500) String note,
            Instant occurredAt) {}

    public record ReversalRequest(
            @NotBlank @Size(max = 30) String reasonCode,
            @Size(max = 500) String note) {}

    /** The documented ceiling of one request line, in the request's unit (docs/api-conventions.md). */
    public static final String MAX_QUANTITY = "1000000000";

    public static final String MIN_QUANTITY = "-1000000000";

    private final MovingStock moving;
    private final AdjustingStock adjusting;
    private final ReversingPostings reversing;
    private final Ledger ledger;
    private final LedgerQueries queries;
    private final LedgerSelfAudit audit;
    private final CurrentActor actor;

    public LedgerController(
            MovingStock moving,
            AdjustingStock adjusting,
            ReversingPostings reversing,
            Ledger ledger,
            LedgerQueries queries,
            LedgerSelfAudit audit,
            CurrentActor actor) {
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
    public ResponseEntity<Posting> move(IdempotencyKey key, @Valid @RequestBody MoveRequest r) {
        return created(moving.move(
                new MovingStock.ScanMove(
                        r.purpose(),
                        r.lot(),
                        r.fromLocation(),
                        r.toLocation(),
                        r.quantity(),
                        r.unit(),
                        r.status(),
                        r.clientReference()),
                actor.get(),
                key.scoped()));
    }

    @PostMapping("/adjustments")
    @Operation(summary = "Adjust stock at a location (signed quantity) with a reason code")
    public ResponseEntity<Posting> adjust(IdempotencyKey key, @Valid @RequestBody AdjustmentRequest r) {
        return created(adjusting.adjust(toAdjustment(r), actor.get(), key.scoped()));
    }

    @PostMapping("/opening-balances")
    @Operation(summary = "Load stock that exists at go-live")
    public ResponseEntity<Posting> openingBalance(IdempotencyKey key, @Valid @RequestBody AdjustmentRequest r) {
        return created(adjusting.openingBalance(toAdjustment(r), actor.get(), key.scoped()));
    }

    @PostMapping("/postings/{id}/reversal")
    @Operation(summary = "Reverse a posting: post its inverse, referencing it")
    public ResponseEntity<Posting> reverse(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody ReversalRequest r) {
        return created(reversing.reverse(id, r.reasonCode(), r.note(), actor.get(), key.scoped()));
    }

    @GetMapping("/postings/{id}")
    public Posting posting(@PathVariable long id) {
        return ledger.load(id);
    }

    @GetMapping("/balances")
    @Operation(summary = "Balances per lot, location and status (non-zero; virtual locations on request)")
    public List<LedgerQueries.BalanceRow> balances(
            @RequestParam(required = false) Long item,
            @RequestParam(required = false) Long lot,
            @RequestParam(required = false) Long location,
            @RequestParam(required = false) Long warehouse,
            @RequestParam(required = false) StockStatus status,
            @RequestParam(defaultValue = "false") boolean includeVirtual,
            @RequestParam(defaultValue = "500") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return queries.balances(
                new LedgerQueries.BalanceFilter(item, lot, location, warehouse, status, includeVirtual),
                Math.max(1, Math.min(limit, 5000)),
                Math.max(0, offset));
    }

    @GetMapping("/balances/as-of")
    @Operation(summary = "Balance of a lot at a location as of a past instant (recording time)")
    public LedgerQueries.AsOf asOf(
            @RequestParam long lot,
            @RequestParam long location,
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
    @Operation(
            summary = "Rebuild every balance from the ledger now and compare with the kept balances; one audit "
                    + "runs at a time in the cluster: asked while one runs, the answer is that audit's result (same runId "
                    + "and startedAt), given when it finishes")
    public ResponseEntity<LedgerSelfAudit.AuditResult> runAudit() {
        return ResponseEntity.ok(audit.run("API"));
    }

    private static AdjustingStock.Adjustment toAdjustment(AdjustmentRequest r) {
        return new AdjustingStock.Adjustment(
                r.lot(), r.location(), r.status(), r.quantity(), r.unit(), r.reasonCode(), r.note(), r.occurredAt());
    }

    private static ResponseEntity<Posting> created(Posting p) {
        return ResponseEntity.created(URI.create("/api/postings/" + p.id())).body(p);
    }
}
