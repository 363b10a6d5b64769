package org.lotledger.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lotledger.common.Actor;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Releases held stock: per lot and location, HOLD → AVAILABLE of what this hold still answers for and is still HOLD
 * there; where another open hold covers the stock it stays HOLD and that hold takes it over. Scrap and return to
 * vendor are {@link ScrappingHeldStock} and {@link StagingReturnToVendor}; the frame they share is
 * {@link HoldOutcomeFrame}.
 */
@Service
public class ReleasingHold {

    private final Ledger ledger;
    private final QualityHolds holds;
    private final OpenHolds openHolds;
    private final HoldOutcomeFrame frame;
    private final ApplicationEventPublisher events;
    private final RecallGuards recalls;

    ReleasingHold(
            Ledger ledger,
            QualityHolds holds,
            OpenHolds openHolds,
            HoldOutcomeFrame frame,
            ApplicationEventPublisher events,
            RecallGuards recalls) {
        this.recalls = recalls;
        this.ledger = ledger;
        this.holds = holds;
        this.openHolds = openHolds;
        this.frame = frame;
        this.events = events;
    }

    /**
     * Releases the given quantities per lot and location, or, with {@code lines} null, everything the hold answers
     * for (the hold then becomes RELEASED). A partial release leaves the rest held; the hold is CLOSED when nothing
     * is left.
     */
    public HoldView release(long holdId, List<HoldLine> lines, String note, Actor actor, String idempotencyKey) {
        return frame.decide(holdId, "RELEASE", actor, idempotencyKey, () -> {
            // checked again when carried out: the decision may have been recorded before the recall linked the hold
            recalls.refuseReleaseUnderOpenRecall(holdId);
            String key = idempotencyKey;
            List<Movement> moves = new ArrayList<>();
            Map<String, Object> details = HoldOutcomeFrame.details(key, note);
            int handedOver = 0;
            List<HoldView.Remaining> targets = lines == null
                    ? frame.lockedRemaining(holdId)
                    : frame.chosen(holdId, lines).stream()
                            .map(l -> new HoldView.Remaining(l.lotId(), null, l.locationId(), null, l.quantity()))
                            .toList();
            for (HoldView.Remaining r : targets) {
                var other = openHolds.otherThan(holdId, r.lotId(), r.locationId());
                if (other.isPresent()) {
                    holds.outcome(
                            holdId,
                            HoldOutcome.HANDED_OVER,
                            r.lotId(),
                            r.locationId(),
                            r.quantity(),
                            null,
                            other.get(),
                            null,
                            null,
                            key,
                            actor.userId());
                    holds.movement(other.get(), r.lotId(), r.locationId(), r.quantity(), null, holdId);
                    handedOver++;
                    continue;
                }
                long q = Math.min(r.quantity(), holds.heldAt(r.lotId(), r.locationId()));
                if (q > 0) {
                    moves.add(new Movement(
                            r.lotId(), r.locationId(), StockStatus.HOLD, r.locationId(), StockStatus.AVAILABLE, q));
                }
                if (r.quantity() > q) {
                    holds.outcome(
                            holdId,
                            HoldOutcome.NOT_FOUND,
                            r.lotId(),
                            r.locationId(),
                            r.quantity() - q,
                            null,
                            null,
                            null,
                            null,
                            key,
                            actor.userId());
                }
            }
            if (!moves.isEmpty()) {
                details.put("postingId", post(holdId, moves, note, actor, key).id());
                events.publishEvent(new StockReleased(
                        "HOLD_RELEASED",
                        moves.stream().map(Movement::lotId).distinct().toList()));
            }
            details.put("balancesReleased", moves.size());
            details.put("balancesHandedOver", handedOver);
            if (lines == null) {
                holds.end(holdId, HoldState.RELEASED, actor.userId());
            } else {
                frame.closeIfEmpty(holdId, actor);
            }
            return details;
        });
    }

    private Posting post(long holdId, List<Movement> moves, String note, Actor actor, String key) {
        Posting p = ledger.post(
                PostingRequest.of(PostingType.STATUS_CHANGE, actor, HoldOutcomeFrame.postingKey(holdId, "release", key))
                        .movements(moves)
                        .reference(QualityHolds.SUBJECT_TYPE, Long.toString(holdId))
                        .note(HoldOutcomeFrame.note(holdId, "released", note))
                        .build());
        for (Movement m : moves) {
            holds.outcome(
                    holdId,
                    HoldOutcome.RELEASED,
                    m.lotId(),
                    m.fromLocationId(),
                    m.quantity(),
                    null,
                    null,
                    p.id(),
                    null,
                    key,
                    actor.userId());
        }
        return p;
    }
}
