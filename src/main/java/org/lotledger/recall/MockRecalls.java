package org.lotledger.recall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Reservation;
import org.lotledger.quality.PlacingHold;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mock recall (issue 11 §4, ADR 0018): a recall rehearsed through the very services a LIVE one uses — the scope
 * ({@link LotsInScope#resolve}), the trace with whereabouts and mass balance ({@link Tracing#trace}), the hold plan
 * per lot in scope ({@link PlacingRecallHolds#plan}, i.e. {@link PlacingHold#plan}: the movements and voided
 * reservations {@code PlacingHold} would post) and the notice list ({@link RecallNotices#forLots}) — each step timed.
 *
 * <p>The rehearsal reads in one REPEATABLE READ snapshot, so every step sees the same committed ledger; it takes no
 * lock, so the floor never waits for it. Through the API that is the door's own transaction, which a mock recall
 * request asks to be REPEATABLE READ ({@code SnapshotRequest}): one connection per request, however many run at once
 * (a second, nested one per request could exhaust the pool). Called with no transaction running, it reads in a
 * read-only one of its own. The only write is the {@code mock_recall_run} row: no posting, hold, reservation change,
 * recall, process instance, decision record or event ({@code MockRecallIntegrationTest} counts every table).
 */
@Service
public class MockRecalls {

    /** Most runs a list answers at once. */
    public static final int LIST_MAX = 500;

    /**
     * What one rehearsal found, with the time of each step in milliseconds.
     *
     * @param plans the hold plan of each lot in scope, by ascending lot id
     */
    public record Rehearsal(
            LotsInScope.ScopeLots lots,
            Trace trace,
            Map<Long, PlacingHold.HoldPlan> plans,
            List<RecallNotices.Notice> notices,
            double scopeMs,
            double traceMs,
            double holdsMs,
            double noticesMs,
            double totalMs) {}

    private final StartingRecall starting;
    private final LotsInScope lotsInScope;
    private final Tracing tracing;
    private final PlacingRecallHolds holds;
    private final RecallNotices notices;
    private final MockRecallRuns runs;
    /**
     * A rehearsal's transaction when no transaction is running (a benchmark, a test): REPEATABLE READ, read-only
     * (package-visible for the test that says so). Inside a transaction the rehearsal joins it, which must be
     * REPEATABLE READ: the door's for a mock recall request ({@code SnapshotRequest}), one connection per request.
     */
    final TransactionTemplate snapshot;

    /** A run's transaction when no transaction is running: REPEATABLE READ, so the rehearsal joins one snapshot. */
    private final TransactionTemplate recording;

    MockRecalls(
            StartingRecall starting,
            LotsInScope lotsInScope,
            Tracing tracing,
            PlacingRecallHolds holds,
            RecallNotices notices,
            MockRecallRuns runs,
            PlatformTransactionManager transactions) {
        this.starting = starting;
        this.lotsInScope = lotsInScope;
        this.tracing = tracing;
        this.holds = holds;
        this.notices = notices;
        this.runs = runs;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.recording = new TransactionTemplate(transactions);
        recording.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Rehearses the recall the request describes and records the run. The same key with the same request returns
     * the run recorded for it; with another request it is 409 {@code IDEMPOTENCY_KEY_REUSED}.
     *
     * @param idempotencyKey the door's key scoped to the caller ({@code IdempotencyKey#scoped})
     * @throws DomainException SCOPE_INVALID, RECALL_INVALID (400); RECALL_NOT_ALLOWED (403);
     *                         IDEMPOTENCY_KEY_REUSED (409); RECALL_SCOPE_EMPTY (422)
     */
    public MockRecallRun start(StartingRecall.Request r, Actor actor, String idempotencyKey) {
        starting.check(r, actor);
        if (r.mode() != RecallMode.MOCK) {
            throw new IllegalArgumentException("a LIVE recall is StartingRecall#start");
        }
        String key = java.util.Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        String note = r.note() == null || r.note().isBlank() ? null : r.note().strip();
        String fingerprint = fingerprint(r, note);
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return recording.execute(status -> record(r, actor, key, note, fingerprint));
        }
        return record(r, actor, key, note, fingerprint);
    }

    private MockRecallRun record(StartingRecall.Request r, Actor actor, String key, String note, String fingerprint) {
        Optional<MockRecallRuns.Key> earlier = runs.byKey(key);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(fingerprint)) {
                throw DomainException.conflict(
                        "IDEMPOTENCY_KEY_REUSED",
                        "This key was already used for another mock recall; send a new key for a new request.",
                        Map.of("mockRecallId", earlier.get().id()));
            }
            return runs.get(earlier.get().id());
        }
        Rehearsal rh = rehearse(r.scope(), actor);
        long id = runs.insert(new MockRecallRuns.NewRun(
                r,
                note,
                starting.scopeLabel(r.scope()),
                key,
                fingerprint,
                actor.userId(),
                rh.trace().readAt(),
                timings(rh),
                counts(rh),
                rh.trace().balanced(),
                lots(rh),
                plan(rh),
                rh.notices()));
        return runs.get(id);
    }

    /**
     * The rehearsal itself, stored nowhere: scope, trace, hold plan per lot and notice list in one REPEATABLE READ
     * snapshot (the caller's transaction, which must be REPEATABLE READ, or a read-only one of its own), each step
     * timed.
     *
     * @throws DomainException SCOPE_INVALID (400), HOLD_NOT_ALLOWED (403: the hold plan is quality's),
     *                         RECALL_SCOPE_EMPTY (422)
     */
    public Rehearsal rehearse(RecallScope scope, Actor actor) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
            if (isolation == null || isolation < TransactionDefinition.ISOLATION_REPEATABLE_READ) {
                // READ COMMITTED would give each step its own snapshot: plan, notices and mass balance could disagree
                throw new IllegalStateException(
                        "a mock recall reads one REPEATABLE READ snapshot; run it in such a transaction or in none");
            }
        }
        return snapshot.execute(status -> {
            long t0 = System.nanoTime();
            LotsInScope.ScopeLots lots = lotsInScope.resolve(scope);
            if (lots.isEmpty()) {
                throw starting.scopeEmpty(scope);
            }
            long t1 = System.nanoTime();
            Trace trace = tracing.trace(scope);
            long t2 = System.nanoTime();
            Map<Long, PlacingHold.HoldPlan> plans = new LinkedHashMap<>();
            for (long lot : lots.inScope().keySet().stream().sorted().toList()) {
                plans.put(lot, holds.plan(lot, actor));
            }
            long t3 = System.nanoTime();
            List<RecallNotices.Notice> list = notices.forLots(List.copyOf(plans.keySet()));
            long t4 = System.nanoTime();
            return new Rehearsal(
                    lots, trace, plans, list, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t4 - t0));
        });
    }

    public MockRecallRun get(long id) {
        return runs.get(id);
    }

    /** Newest first; {@code limit} 1 to {@value #LIST_MAX}. */
    public List<MockRecallRun.Summary> list(int limit, int offset) {
        return runs.list(Math.max(1, Math.min(limit, LIST_MAX)), Math.max(0, offset));
    }

    private static MockRecallRun.Timings timings(Rehearsal rh) {
        return new MockRecallRun.Timings(
                decimal(rh.scopeMs()),
                decimal(rh.traceMs()),
                decimal(rh.holdsMs()),
                decimal(rh.noticesMs()),
                decimal(rh.totalMs()));
    }

    static MockRecallRun.Counts counts(Rehearsal rh) {
        int balances = 0;
        long quantity = 0;
        int voided = 0;
        for (PlacingHold.HoldPlan p : rh.plans().values()) {
            balances += p.movements().size();
            quantity += p.movements().stream()
                    .mapToLong(org.lotledger.ledger.Movement::quantity)
                    .sum();
            voided += p.reservationsVoided().size();
        }
        int inTransit = 0;
        long inTransitQuantity = 0;
        for (Trace.LotTrace l : rh.trace().lots()) {
            inTransit += l.whereabouts().inTransit().size();
            inTransitQuantity += l.whereabouts().inTransit().stream()
                    .mapToLong(Trace.InTransit::quantity)
                    .sum();
        }
        int customers = (int) rh.notices().stream()
                .map(RecallNotices.Notice::customerId)
                .distinct()
                .count();
        return new MockRecallRun.Counts(
                rh.lots().inScope().size(),
                rh.lots().matched().size(),
                rh.trace().events().size(),
                balances,
                quantity,
                voided,
                inTransit,
                inTransitQuantity,
                customers,
                rh.notices().size());
    }

    private static List<MockRecallRun.ScopeLot> lots(Rehearsal rh) {
        Map<Long, String> labels = new LinkedHashMap<>();
        rh.trace().lots().forEach(l -> labels.put(l.lotId(), l.internalLabel()));
        List<MockRecallRun.ScopeLot> out = new ArrayList<>();
        rh.lots().inScope().forEach((lot, depth) -> out.add(new MockRecallRun.ScopeLot(lot, labels.get(lot), depth)));
        out.sort(Comparator.comparingInt(MockRecallRun.ScopeLot::depth)
                .thenComparingLong(MockRecallRun.ScopeLot::lotId));
        return out;
    }

    private static List<MockRecallRun.LotPlan> plan(Rehearsal rh) {
        List<MockRecallRun.LotPlan> out = new ArrayList<>();
        rh.plans()
                .forEach((lot, p) -> out.add(new MockRecallRun.LotPlan(
                        lot,
                        p.movements().stream()
                                .map(m -> new MockRecallRun.Movement(
                                        m.lotId(), m.fromLocationId(), m.fromStatus(), m.toStatus(), m.quantity()))
                                .toList(),
                        p.reservationsVoided().stream().map(MockRecalls::voided).toList())));
        return out;
    }

    private static MockRecallRun.VoidedReservation voided(Reservation r) {
        return new MockRecallRun.VoidedReservation(
                r.id(),
                r.lotId(),
                r.locationId(),
                r.quantity(),
                r.demand() == null ? null : r.demand().type(),
                r.demand() == null ? null : r.demand().reference(),
                r.demand() == null ? null : r.demand().line());
    }

    private static String fingerprint(StartingRecall.Request r, String note) {
        RecallScope s = r.scope();
        String canonical = String.join(
                "|",
                String.valueOf(s.lotId()),
                s.batchRef() == null ? "null" : s.batchRef().strip(),
                String.valueOf(s.itemId()),
                String.valueOf(s.manufacturedFrom()),
                String.valueOf(s.manufacturedTo()),
                String.valueOf(s.receivedFrom()),
                String.valueOf(s.receivedTo()),
                r.reason().strip(),
                r.recallClass().name(),
                String.valueOf(note));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static BigDecimal decimal(double ms) {
        return BigDecimal.valueOf(ms).setScale(3, RoundingMode.HALF_UP);
    }
}
