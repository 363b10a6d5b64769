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
import org.springframework.stereotype.Service;

/**
 * Stages held stock for return to vendor: a MOVE of the HOLD stock by quality to a REJECT_STAGING location (the
 * return itself, RETURN_TO_VENDOR to the supplier, is the warehouse's task later), given quantities per lot and
 * location, or everything when none are given; when nothing is left on the hold it becomes CLOSED. Called when a
 * warehouse worker confirms the move by scan ({@link HoldWarehouseMoves}).
 */
@Service
public class StagingReturnToVendor {

    private final Ledger ledger;
    private final QualityHolds holds;
    private final HoldDestinations destinations;
    private final HoldOutcomeFrame frame;

    StagingReturnToVendor(Ledger ledger, QualityHolds holds, HoldDestinations destinations, HoldOutcomeFrame frame) {
        this.ledger = ledger;
        this.holds = holds;
        this.destinations = destinations;
        this.frame = frame;
    }

    public HoldView returnToVendor(long holdId, List<HoldLine> lines, String note, Actor actor, String idempotencyKey) {
        return frame.decide(holdId, "RETURN_TO_VENDOR", actor, idempotencyKey, () -> {
            List<Movement> moves = new ArrayList<>();
            for (HoldLine l : frame.chosen(holdId, lines)) {
                long to = l.toLocationId() != null
                        ? l.toLocationId()
                        : destinations.stagingFor(l.lotId(), l.locationId());
                moves.add(
                        new Movement(l.lotId(), l.locationId(), StockStatus.HOLD, to, StockStatus.HOLD, l.quantity()));
            }
            Posting p = ledger.post(PostingRequest.of(
                            PostingType.MOVE, actor, HoldOutcomeFrame.postingKey(holdId, "rtv", idempotencyKey))
                    .movements(moves)
                    .reference(QualityHolds.SUBJECT_TYPE, Long.toString(holdId))
                    .note(HoldOutcomeFrame.note(holdId, "staged for return to vendor", note))
                    .build());
            for (Movement m : moves) {
                holds.outcome(
                        holdId,
                        HoldOutcome.RETURN_TO_VENDOR,
                        m.lotId(),
                        m.fromLocationId(),
                        m.quantity(),
                        m.toLocationId(),
                        null,
                        p.id(),
                        null,
                        idempotencyKey,
                        actor.userId());
            }
            frame.closeIfEmpty(holdId, actor);
            Map<String, Object> details = HoldOutcomeFrame.details(idempotencyKey, note);
            details.put("postingId", p.id());
            details.put("lines", moves.size());
            return details;
        });
    }
}
