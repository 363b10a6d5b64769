package org.lotledger.recall;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.lotledger.ledger.StockStatus;

/**
 * A mock recall as it ran (issue 11 §4, ADR 0018): who rehearsed which scope when, how long each step took, what a
 * LIVE recall of that scope would have done at that moment (the hold plan: the movements its holds would post and
 * the reservations they would void) and the notice list it would have produced. Table {@code mock_recall_run}.
 *
 * @param mode     always MOCK: what tells this answer of {@code POST /api/recalls} from a recall (LIVE)
 * @param readAt   when the rehearsal's snapshot was read
 * @param balanced whether every lot's mass balance held in that snapshot
 * @param lots     the lots in scope, matched ones (depth 0) first
 */
@Schema(name = "MockRecallRun")
public record MockRecallRun(
        long id,
        String number,

        @Schema(allowableValues = "MOCK", requiredMode = Schema.RequiredMode.REQUIRED)
        String mode,

        RecallScope scope,
        String scopeLabel,
        String reason,
        RecallClass recallClass,
        String note,
        String startedBy,
        Instant startedAt,
        Instant readAt,
        Timings timings,
        Counts counts,
        boolean balanced,
        List<ScopeLot> lots,
        List<LotPlan> holdPlan,
        List<RecallNotices.Notice> notices) {

    public static final String MODE = RecallMode.MOCK.name();

    /** Milliseconds per step, three decimals: scope, trace (with whereabouts and mass balance), hold plan, notices. */
    @Schema(name = "MockRecallTimings")
    public record Timings(BigDecimal scope, BigDecimal trace, BigDecimal holds, BigDecimal notices, BigDecimal total) {}

    /**
     * @param balancesToHold     AVAILABLE balances (lot, location) the holds would move to HOLD
     * @param quantityToHold     their units
     * @param reservationsVoided pending reservations on them the holds would void
     * @param inTransit          in-transit entries (lot, transfer) of the lots; they would land in HOLD on arrival
     * @param inTransitQuantity  their units
     * @param customers          customers on the notice list
     * @param notices            notices (customer and lot) on it
     */
    @Schema(name = "MockRecallCounts")
    public record Counts(
            int lots,
            int lotsMatched,
            int events,
            int balancesToHold,
            long quantityToHold,
            int reservationsVoided,
            int inTransit,
            long inTransitQuantity,
            int customers,
            int notices) {}

    @Schema(name = "MockRecallLot")
    public record ScopeLot(long lotId, String internalLabel, int depth) {}

    /** What the recall's hold on one lot would post: {@code PlacingHold}'s plan. */
    @Schema(name = "MockRecallLotPlan")
    public record LotPlan(long lotId, List<Movement> movements, List<VoidedReservation> reservationsVoided) {}

    /** One movement of the hold's STATUS_CHANGE posting: the lot's balance at the location, AVAILABLE to HOLD. */
    @Schema(name = "MockRecallMovement")
    public record Movement(long lotId, long locationId, StockStatus fromStatus, StockStatus toStatus, long quantity) {}

    /** A pending reservation the hold's posting would void (reason HOLD), with the demand it serves. */
    @Schema(name = "MockRecallVoidedReservation")
    public record VoidedReservation(
            long reservationId,
            long lotId,
            long locationId,
            long quantity,
            String demandType,
            String demandReference,
            String demandLine) {}

    /** A run in the list: without its lots, hold plan and notice list. */
    @Schema(name = "MockRecallRunSummary")
    public record Summary(
            long id,
            String number,
            @Schema(allowableValues = "MOCK") String mode,
            RecallScope scope,
            String scopeLabel,
            String reason,
            RecallClass recallClass,
            String startedBy,
            Instant startedAt,
            Timings timings,
            Counts counts,
            boolean balanced) {}
}
