package org.lotledger.recall;

import java.util.Map;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.quality.HoldReason;
import org.lotledger.quality.HoldScope;
import org.lotledger.quality.PlacingHold;
import org.springframework.stereotype.Service;

/**
 * "Place recall holds", one lot at a time (each in its own job and transaction, the engine's): a LOT hold with
 * reason REGULATORY_OR_RECALL through {@link PlacingHold} — its AVAILABLE stock in every warehouse goes to HOLD, the
 * reservations on it are voided, QUARANTINE stock stays unreleasable and stock arriving later lands in HOLD under
 * it — with idempotency key {@code recall:<id>:lot:<lotId>}, linked in {@code recall_hold}. A retried job finds the
 * link and places nothing twice. Once every lot is held, {@link #allPlaced} opens the notice list.
 */
@Service
public class PlacingRecallHolds {

    private final Recalls recalls;
    private final PlacingHold placing;

    PlacingRecallHolds(Recalls recalls, PlacingHold placing) {
        this.recalls = recalls;
        this.placing = placing;
    }

    /** Places the hold of the recall's {@code index}-th lot (ascending lot id), as the person who started it. */
    public void placeHold(long recallId, int index, Actor startedBy) {
        Recalls.Row recall = recalls.get(recallId);
        if (recall.status() != RecallStatus.OPEN) {
            return;
        }
        RecallView.Lot lot = recalls.lotAt(recallId, index);
        if (lot.holdId() != null) {
            return;
        }
        String note = "Recall " + recall.number() + " (class " + recall.recallClass() + "): " + recall.reason();
        long holdId = placing.place(holdRequest(lot.lotId(), note), startedBy, lot.holdKey())
                .hold()
                .id();
        recalls.holdPlaced(recallId, lot.lotId(), holdId);
    }

    /**
     * What {@link #placeHold} would post for this lot now, read without locks or writes ({@link PlacingHold#plan}):
     * the mock recall's hold plan, one lot at a time as the process places them (ADR 0018).
     */
    PlacingHold.HoldPlan plan(long lotId, Actor actor) {
        return placing.plan(holdRequest(lotId, "mock recall"), actor);
    }

    /** The hold a recall places on a lot: LOT scope, reason REGULATORY_OR_RECALL; the note cut to the hold's 1000. */
    static PlacingHold.HoldRequest holdRequest(long lotId, String note) {
        return new PlacingHold.HoldRequest(
                HoldScope.LOT,
                lotId,
                null,
                HoldReason.REGULATORY_OR_RECALL,
                note.length() > 1000 ? note.substring(0, 1000) : note);
    }

    /** Every lot of the recall is held: the recall is HOLDS_PLACED and its notice list can be read. */
    public void allPlaced(long recallId) {
        long missing =
                recalls.lots(recallId).stream().filter(l -> l.holdId() == null).count();
        if (missing > 0 && recalls.get(recallId).status() == RecallStatus.OPEN) {
            // a technical fault (an incident): the multi-instance task ran for every lot
            throw DomainException.conflict(
                    "RECALL_HOLDS_MISSING",
                    "Recall " + recallId + " has " + missing + " lots without a hold.",
                    Map.of("recallId", recallId, "missing", missing));
        }
        recalls.holdsPlaced(recallId);
    }
}
