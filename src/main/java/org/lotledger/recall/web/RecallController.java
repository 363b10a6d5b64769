package org.lotledger.recall.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lotledger.common.DomainException;
import org.lotledger.platform.security.CurrentActor;
import org.lotledger.platform.web.IdempotencyKey;
import org.lotledger.platform.web.SnapshotRequest;
import org.lotledger.recall.MockRecallRun;
import org.lotledger.recall.MockRecalls;
import org.lotledger.recall.RecallClass;
import org.lotledger.recall.RecallMode;
import org.lotledger.recall.RecallNotices;
import org.lotledger.recall.RecallQueries;
import org.lotledger.recall.RecallScope;
import org.lotledger.recall.RecallStatus;
import org.lotledger.recall.RecallView;
import org.lotledger.recall.StartingRecall;
import org.lotledger.recall.WithdrawingRecall;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recalls (issue 11 §3): started by quality managers, their holds placed by the process, their customer notice list
 * (JSON or CSV) and their withdrawal; a MOCK start is a mock recall (issue 11 §4, {@link MockRecallController}). Every
 * write goes through the door (ADR 0009). docs/recall.md, "Recalls" and "Mock recall".
 */
@RestController
public class RecallController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** The scope as in a trace: exactly one of lotId, batchRef, or itemId with one date range. */
    @Schema(name = "RecallScopeRequest")
    public record ScopeRequest(
            Long lotId,
            @Size(max = 60) String batchRef,
            Long itemId,
            java.time.LocalDate manufacturedFrom,
            java.time.LocalDate manufacturedTo,
            java.time.LocalDate receivedFrom,
            java.time.LocalDate receivedTo) {}

    @Schema(name = "RecallRequest")
    public record StartRequest(
            @NotNull @Valid ScopeRequest scope,

            @NotNull @Size(min = 1, max = StartingRecall.REASON_MAX)
            String reason,

            @NotNull RecallClass recallClass,
            @NotNull RecallMode mode,
            @Size(max = StartingRecall.NOTE_MAX) String note)
            implements SnapshotRequest {

        /** A mock recall reads its rehearsal in the door's one REPEATABLE READ transaction (ADR 0018). */
        @Override
        public boolean readsSnapshot() {
            return mode == RecallMode.MOCK;
        }
    }

    @Schema(name = "RecallWithdrawal")
    public record WithdrawRequest(
            @Size(max = WithdrawingRecall.NOTE_MAX) String note) {}

    private final StartingRecall starting;
    private final MockRecalls mockRecalls;
    private final WithdrawingRecall withdrawing;
    private final RecallQueries queries;
    private final RecallNotices notices;
    private final CurrentActor actor;

    public RecallController(
            StartingRecall starting,
            MockRecalls mockRecalls,
            WithdrawingRecall withdrawing,
            RecallQueries queries,
            RecallNotices notices,
            CurrentActor actor) {
        this.starting = starting;
        this.mockRecalls = mockRecalls;
        this.withdrawing = withdrawing;
        this.queries = queries;
        this.notices = notices;
        this.actor = actor;
    }

    @PostMapping("/api/recalls")
    @Operation(
            summary =
                    "Start a recall: LIVE (quality managers) resolves its lots and starts ProductRecall, which places a"
                            + " REGULATORY_OR_RECALL hold per lot; MOCK (quality, quality managers) rehearses it through the"
                            + " same services without touching stock and records a mock recall run (docs/recall.md)")
    // "200" is where springdoc puts a handler's answer schema; OpenApiConfiguration moves it to the door's 201 and
    // 200 (replay)
    @ApiResponse(
            responseCode = "200",
            description = "The recall (mode LIVE) or the mock recall run (mode MOCK)",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            // the discriminator (mode) is OpenApiConfiguration.DISCRIMINATED's
                                            oneOf = {RecallView.class, MockRecallRun.class})))
    public ResponseEntity<Object> start(IdempotencyKey key, @Valid @RequestBody StartRequest r) {
        ScopeRequest s = r.scope();
        StartingRecall.Request request = new StartingRecall.Request(
                new RecallScope(
                        s.lotId(),
                        s.batchRef(),
                        s.itemId(),
                        s.manufacturedFrom(),
                        s.manufacturedTo(),
                        s.receivedFrom(),
                        s.receivedTo()),
                r.reason(),
                r.recallClass(),
                r.mode(),
                r.note());
        if (r.mode() == RecallMode.MOCK) {
            MockRecallRun run = mockRecalls.start(request, actor.get(), key.scoped());
            return ResponseEntity.created(URI.create("/api/mock-recalls/" + run.id()))
                    .body(run);
        }
        RecallView started = starting.start(request, actor.get());
        return ResponseEntity.created(URI.create("/api/recalls/" + started.id()))
                .body(started);
    }

    @GetMapping("/api/recalls")
    @Operation(summary = "Recalls, newest first, by status")
    public List<RecallView> list(
            @RequestParam(required = false) RecallStatus status,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return queries.list(status, Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
    }

    @GetMapping("/api/recalls/{id}")
    @Operation(summary = "A recall with its lots in scope and the hold that holds each")
    public RecallView get(@PathVariable long id) {
        return queries.view(id);
    }

    @GetMapping("/api/recalls/{id}/notices")
    @Operation(
            summary =
                    "The customer notice list (JSON, or CSV with format=csv or Accept: text/csv): per customer and lot the ship-to, recall contact, item, GTIN, lot, expiry, each shipment, returned, outstanding")
    public ResponseEntity<?> notices(
            @PathVariable long id,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = csv(format, accept);
        RecallNotices.NoticeList list = notices.of(id);
        if (!csv) {
            return ResponseEntity.ok(list);
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"recall-" + list.recallNumber() + "-notices.csv\"")
                .body(notices.csv(list));
    }

    @PostMapping("/api/recalls/{id}/withdraw")
    @Operation(
            summary =
                    "Withdraw a recall (quality managers): WITHDRAWN, each hold released through its hold process (its second approval included)")
    public ResponseEntity<WithdrawingRecall.Withdrawn> withdraw(
            IdempotencyKey key, @PathVariable long id, @Valid @RequestBody(required = false) WithdrawRequest r) {
        return ResponseEntity.ok(withdrawing.withdraw(id, r == null ? null : r.note(), actor.get(), key.scoped()));
    }

    static boolean csv(String format, String accept) {
        if (format != null) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw new DomainException(
                    "INVALID_FORMAT",
                    DomainException.Kind.BAD_REQUEST,
                    "format is json or csv.",
                    Map.of("parameter", "format"));
        }
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }
}
