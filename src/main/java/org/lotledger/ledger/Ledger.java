package org.lotledger.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.reason.PostingTypeName;
import org.lotledger.catalog.reason.ReasonCodeCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one gate every posting passes through. In one transaction (the caller's, when a process posts inside the
 * engine's transaction) it: locks the heads of the posting's lots in id order, so that per lot the ledger sequence
 * is the commit order, and reads with them everything it checks the posting against, in one round trip
 * ({@link GateReads}); answers a repeated idempotency key with the original posting; checks every invariant (role,
 * reason code, location kinds, status transitions, warehouses, zones, conservation, no negative balance, no AVAILABLE
 * stock below what is reserved) as pure functions over what it read ({@link RequestChecks}, {@link MovementChecks},
 * {@link LedgerLimits}, {@link BalanceChecks}, {@link ReservationChecks}); then appends the posting and its legs,
 * updates the kept balances and posts or voids the reservations the posting names in one statement
 * ({@link PostingRows}). Nothing is written unless every check passed, and the database backs conservation,
 * append-only and non-negative balances with its own constraints. An opening balance must be the first posting of
 * its lot at its location; and HOLD stock a posting creates or removes must be accounted for by the quality holds
 * before the transaction commits ({@link HeldStockGate}). A posting that adds AVAILABLE stock to storage or pick faces
 * publishes {@link StockBecameAvailable} (in its transaction, for listeners after commit). A posting costs three round
 * trips with its commit.
 */
@Service
public class Ledger {

    private final GateReads reads;
    private final PostingRows rows;
    private final ObjectProvider<ArrivalHolds> arrivalHolds;
    private final ReasonCodeCheck reasons;
    private final HeldStockGate heldStock;
    private final ApplicationEventPublisher events;

    public Ledger(
            JdbcTemplate jdbc,
            ObjectProvider<ArrivalHolds> arrivalHolds,
            ReasonCodeCheck reasons,
            HeldStockGate heldStock,
            ApplicationEventPublisher events) {
        this.reads = new GateReads(jdbc);
        this.rows = new PostingRows(jdbc);
        this.arrivalHolds = arrivalHolds;
        this.reasons = reasons;
        this.heldStock = heldStock;
        this.events = events;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public Posting post(PostingRequest request) {
        RequestChecks.idempotencyKey(request);
        String fingerprint = fingerprint(request);
        // From here on the posting's lots are locked: nobody else posts on them until we commit. The facts come with
        // the locks (one round trip); a refused posting just releases them when it rolls back.
        StockFacts facts = reads.lockAndRead(request);
        Long earlier = RequestChecks.replayOf(request.idempotencyKey(), fingerprint, facts.earlier());
        if (earlier != null) {
            return rows.load(earlier).asReplay();
        }
        RequestChecks.role(request);
        reasons.check(
                request.reasonCode(),
                PostingTypeName.valueOf(request.type().name()),
                request.type().reasonRequired());
        LedgerLimits.checkOccurredAt(request.occurredAt(), Instant.now());
        RequestChecks.movesSomething(request);
        Map<HeldStock.LotAt, Long> underHold = arrivalsUnderHold(request, facts);
        for (Movement m : request.movements()) {
            MovementChecks.check(request, m, facts, underHold);
            LedgerLimits.checkSize(m, facts.lots().get(m.lotId()));
        }
        MovementChecks.relabelShape(request, facts);
        if (request.occurredAt() != null) {
            LedgerLimits.checkGoLive(request.occurredAt(), facts.goLiveDates(), facts.locations());
        }
        List<LegDraft> drafts = LegDraft.of(request.movements(), facts.lots());
        BalanceChecks.conservation(drafts);
        Map<Bucket, Long> delta = BalanceChecks.delta(drafts);
        BalanceChecks.noNegativeBalance(delta, facts);
        ReservationChecks.named(request, delta, facts);
        ReservationChecks.reserved(request, delta, facts);
        BalanceChecks.capacity(delta, facts);
        BalanceChecks.openingBalanceIsFirst(request, facts);
        Posting posted = rows.append(request, fingerprint, drafts, facts);
        heldStock.expect(posted, HeldStockGate.holdChanges(posted, facts.locations()), facts.locations());
        StockBecameAvailable.of(posted, facts).forEach(events::publishEvent);
        return posted;
    }

    /**
     * The open quality holds that arrivals (TRANSFER_IN, RETURN) not landing in HOLD fall under, asked of the quality
     * feature for the movements whose lot and target exist. The lot is locked: a hold placed meanwhile moves this
     * stock to HOLD once we commit.
     */
    private Map<HeldStock.LotAt, Long> arrivalsUnderHold(PostingRequest r, StockFacts facts) {
        ArrivalHolds holds = arrivalHolds.getIfAvailable();
        Map<HeldStock.LotAt, Long> underHold = new HashMap<>();
        if (holds == null) {
            return underHold;
        }
        for (Movement m : r.movements()) {
            var at = new HeldStock.LotAt(m.lotId(), m.toLocationId());
            if (MovementChecks.isArrivalOutsideHold(r.type(), m)
                    && facts.lots().containsKey(m.lotId())
                    && facts.locations().containsKey(m.toLocationId())
                    && !underHold.containsKey(at)) {
                holds.openHoldOver(m.lotId(), m.toLocationId()).ifPresent(hold -> underHold.put(at, hold));
            }
        }
        return underHold;
    }

    /** The same key means the same request when type, movements, reference, reason and reversal agree. */
    static String fingerprint(PostingRequest r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.type())
                .append('|')
                .append(r.referenceType())
                .append('|')
                .append(r.referenceId())
                .append('|')
                .append(PostingRows.blankToNull(r.reasonCode()))
                .append('|')
                .append(r.reversesPostingId())
                .append('|');
        for (Movement m : r.movements()) {
            sb.append(m.lotId())
                    .append(',')
                    .append(m.fromLocationId())
                    .append(',')
                    .append(m.fromStatus())
                    .append(',')
                    .append(m.toLocationId())
                    .append(',')
                    .append(m.toStatus())
                    .append(',')
                    .append(m.quantity())
                    .append(';');
        }
        // only postings naming reservations add to the fingerprint: the recorded ones keep theirs
        for (Reservation.Consumption c : r.consumes()) {
            sb.append("consumes ")
                    .append(c.reservationId())
                    .append(',')
                    .append(c.quantity())
                    .append(';');
        }
        for (Reservation.Voiding v : r.voids()) {
            sb.append("voids ")
                    .append(v.reservationId())
                    .append(',')
                    .append(v.reason())
                    .append(';');
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a posting and its legs as recorded. */
    @Transactional(readOnly = true)
    public Posting load(long postingId) {
        return rows.load(postingId);
    }
}
