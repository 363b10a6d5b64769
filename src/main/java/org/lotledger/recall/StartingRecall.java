package org.lotledger.recall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.PostingExecutor;
import org.lotledger.platform.security.Groups;
import org.lotledger.recall.process.ProductRecallProcess;
import org.springframework.stereotype.Service;

/**
 * Starts a recall (issue 11 §3): checks the request at the edge, resolves its scope to the lots it matches and
 * their descendants, records the recall with those lots and starts {@code ProductRecall} (business key
 * {@code recall-<id>}) in the caller's transaction — the door's — so a refused request stores nothing and a stored
 * recall always has its process. The holds are placed by the process's first, asynchronous task.
 *
 * <p>Quality managers start LIVE recalls; quality may start only a MOCK one (403 {@code RECALL_NOT_ALLOWED} for LIVE).
 * A MOCK recall passes the same {@link #check} and is then {@link MockRecalls}'s: it writes no recall at all but a
 * {@code mock_recall_run} (issue 11 §4, ADR 0018).
 */
@Service
public class StartingRecall {

    public static final int REASON_MAX = 500;
    public static final int NOTE_MAX = 1000;

    /** A request to start a recall. */
    public record Request(RecallScope scope, String reason, RecallClass recallClass, RecallMode mode, String note) {}

    private final LotsInScope lotsInScope;
    private final Recalls recalls;
    private final RecallQueries queries;
    private final CatalogQueries catalog;
    private final ProductRecallProcess process;
    private final PostingExecutor executor;

    StartingRecall(
            LotsInScope lotsInScope,
            Recalls recalls,
            RecallQueries queries,
            CatalogQueries catalog,
            ProductRecallProcess process,
            PostingExecutor executor) {
        this.lotsInScope = lotsInScope;
        this.recalls = recalls;
        this.queries = queries;
        this.catalog = catalog;
        this.process = process;
        this.executor = executor;
    }

    /**
     * Starts a LIVE recall; a MOCK one is {@link MockRecalls#start} (after the same {@link #check}).
     *
     * @throws DomainException SCOPE_INVALID, RECALL_INVALID (400); RECALL_NOT_ALLOWED (403); RECALL_SCOPE_EMPTY (422)
     */
    public RecallView start(Request r, Actor actor) {
        check(r, actor);
        if (r.mode() != RecallMode.LIVE) {
            throw new IllegalArgumentException("a MOCK recall is MockRecalls#start: it stores no recall");
        }
        return executor.inTransaction(() -> {
            LotsInScope.ScopeLots lots = lotsInScope.resolve(r.scope());
            if (lots.isEmpty()) {
                throw scopeEmpty(r.scope());
            }
            String note =
                    r.note() == null || r.note().isBlank() ? null : r.note().strip();
            long id = recalls.insert(r.scope(), r.reason().strip(), r.recallClass(), r.mode(), note, actor.userId());
            lots.inScope().keySet().stream()
                    .sorted()
                    .forEach(lot -> recalls.lot(id, lot, lots.inScope().get(lot), holdKey(id, lot)));
            Recalls.Row row = recalls.get(id);
            String pi = process.start(
                    id, row.number(), scopeLabel(r.scope()), lots.inScope().size());
            recalls.processStarted(id, pi);
            return queries.view(id);
        });
    }

    /**
     * The checks every recall request passes first, LIVE or MOCK: the request at the edge, then who may start it.
     *
     * @throws DomainException SCOPE_INVALID, RECALL_INVALID (400); RECALL_NOT_ALLOWED (403)
     */
    void check(Request r, Actor actor) {
        validate(r);
        boolean manager = actor.isInAny(java.util.Set.of(Groups.QUALITY_MANAGERS));
        boolean quality = manager || actor.isInAny(java.util.Set.of(Groups.QUALITY));
        if (!quality || (r.mode() == RecallMode.LIVE && !manager)) {
            throw new DomainException(
                    "RECALL_NOT_ALLOWED",
                    DomainException.Kind.FORBIDDEN,
                    r.mode() == RecallMode.LIVE
                            ? "Only a quality manager starts a live recall; " + actor.userId()
                                    + " may start a mock recall."
                            : "Only quality starts a recall; " + actor.userId() + " may not.",
                    Map.of("mode", r.mode().name(), "allowed", List.of(Groups.QUALITY_MANAGERS)));
        }
    }

    /** 422 RECALL_SCOPE_EMPTY: a recall, live or mock, needs at least one lot. */
    DomainException scopeEmpty(RecallScope scope) {
        return DomainException.unprocessable(
                "RECALL_SCOPE_EMPTY",
                "The scope matches no lot; a recall needs at least one.",
                Map.of("scope", scopeLabel(scope)));
    }

    /** The idempotency key of the hold a recall places on a lot. */
    public static String holdKey(long recallId, long lotId) {
        return "recall:" + recallId + ":lot:" + lotId;
    }

    String scopeLabel(RecallScope s) {
        Map<Long, String> labels = new LinkedHashMap<>();
        if (s.lotId() != null) {
            catalog.findLot(s.lotId()).map(LotView::internalLabel).ifPresent(l -> labels.put(s.lotId(), l));
        }
        String sku = s.itemId() == null
                ? null
                : catalog.findItem(s.itemId()).map(ItemView::sku).orElse(null);
        return Recalls.scopeLabel(s, labels, sku);
    }

    private static void validate(Request r) {
        if (r.scope() == null) {
            throw invalid("scope", "name the scope: lotId, batchRef, or itemId with a date range");
        }
        r.scope().selector(); // SCOPE_INVALID
        if (r.reason() == null || r.reason().isBlank() || r.reason().strip().length() > REASON_MAX) {
            throw invalid("reason", "1 to " + REASON_MAX + " characters");
        }
        if (r.recallClass() == null) {
            throw invalid("recallClass", "I, II or III");
        }
        if (r.mode() == null) {
            throw invalid("mode", "LIVE or MOCK");
        }
        if (r.note() != null && r.note().strip().length() > NOTE_MAX) {
            throw invalid("note", "at most " + NOTE_MAX + " characters");
        }
        if (r.reason().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')
                || (r.note() != null && r.note().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n'))) {
            throw invalid("reason", "no control characters");
        }
    }

    private static DomainException invalid(String field, String rule) {
        return new DomainException(
                "RECALL_INVALID",
                DomainException.Kind.BAD_REQUEST,
                "The recall request is not valid: " + field + " (" + rule + ").",
                Map.of(field, rule));
    }
}
