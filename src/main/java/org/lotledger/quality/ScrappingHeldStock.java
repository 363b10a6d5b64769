package org.lotledger.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.springframework.stereotype.Service;

/**
 * Scraps held stock: HOLD → the warehouse's SCRAP location (posting type SCRAP, reason code required), given
 * quantities per lot and location, or everything when none are given; when nothing is left on the hold it becomes
 * CLOSED. Called when a warehouse worker confirms the move by scan ({@link HoldWarehouseMoves}).
 */
@Service
public class ScrappingHeldStock {

    private final Ledger ledger;
    private final QualityHolds holds;
    private final HoldDestinations destinations;
    private final HoldOutcomeFrame frame;

    ScrappingHeldStock(Ledger ledger, QualityHolds holds, HoldDestinations destinations, HoldOutcomeFrame frame) {
        this.ledger = ledger;
        this.holds = holds;
        this.destinations = destinations;
        this.frame = frame;
    }

    public HoldView scrap(
            long holdId, List<HoldLine> lines, String reasonCode, String note, Actor actor, String idempotencyKey) {
        if (reasonCode == null || reasonCode.isBlank()) {
            throw DomainException.unprocessable(
                    "REASON_CODE_REQUIRED",
                    "Scrapping held stock needs a reason code.",
                    Map.of("postingType", PostingType.SCRAP.name()));
        }
        return frame.decide(holdId, "SCRAP", actor, idempotencyKey, () -> {
            List<HoldLine> chosen = frame.chosen(holdId, lines);
            List<Movement> moves = new ArrayList<>();
            for (HoldLine l : chosen) {
                long scrap = destinations.scrapLocationFor(l.locationId());
                moves.add(new Movement(
                        l.lotId(), l.locationId(), StockStatus.HOLD, scrap, StockStatus.HOLD, l.quantity()));
            }
            Posting p = ledger.post(PostingRequest.of(
                            PostingType.SCRAP, actor, HoldOutcomeFrame.postingKey(holdId, "scrap", idempotencyKey))
                    .movements(moves)
                    .reason(reasonCode.trim().toUpperCase())
                    .reference(QualityHolds.SUBJECT_TYPE, Long.toString(holdId))
                    .note(HoldOutcomeFrame.note(holdId, "scrapped", note))
                    .build());
            for (Movement m : moves) {
                holds.outcome(
                        holdId,
                        HoldOutcome.SCRAPPED,
                        m.lotId(),
                        m.fromLocationId(),
                        m.quantity(),
                        m.toLocationId(),
                        null,
                        p.id(),
                        reasonCode.trim().toUpperCase(),
                        idempotencyKey,
                        actor.userId());
            }
            frame.closeIfEmpty(holdId, actor);
            Map<String, Object> details = HoldOutcomeFrame.details(idempotencyKey, note);
            details.put("postingId", p.id());
            details.put("reasonCode", reasonCode.trim().toUpperCase());
            details.put("lines", moves.size());
            return details;
        });
    }
}
