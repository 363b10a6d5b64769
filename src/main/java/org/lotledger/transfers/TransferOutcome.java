package org.lotledger.transfers;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lotledger.platform.security.Groups;

/**
 * What a receiving supervisor decides about one transfer discrepancy (issue 10 §4), and what follows from it: which
 * discrepancy types it answers, and the follow-up that carries it out — nothing, a posting by whoever may post it
 * (on whose warehouse's books), or quality's decision. A plain table, tested as one.
 */
public enum TransferOutcome {
    /** SHORT: the rest is still on its way; the process waits for it until a new deadline */
    STILL_COMING(EnumSet.of(DiscrepancyType.SHORT), FollowUp.NONE, null, null),
    /**
     * SHORT: lost on the way; ADJUSTMENT out of the in-transit location into the destination's adjustment location,
     * reason TRANSIT_LOSS, by inventory control (a write-off)
     */
    LOST_IN_TRANSIT(EnumSet.of(DiscrepancyType.SHORT), FollowUp.POSTING, Groups.INVENTORY_CONTROL, Side.NONE),
    /**
     * SHORT: it never left the origin; REVERSAL of that lot's TRANSFER_OUT (only when none of it was received), by
     * the origin's inventory control
     */
    NEVER_LEFT(EnumSet.of(DiscrepancyType.SHORT), FollowUp.POSTING, Groups.INVENTORY_CONTROL, Side.ORIGIN),
    /**
     * OVER: stock found that did not leave on the books: ADJUSTMENT from the destination's adjustment location into
     * QUARANTINE where the receipt set it aside, reason FOUND, by inventory control
     */
    FOUND(EnumSet.of(DiscrepancyType.OVER), FollowUp.POSTING, Groups.INVENTORY_CONTROL, Side.NONE),
    /**
     * OVER: the origin confirms it sent more: a supplementary TRANSFER_OUT of the lot from where the origin's books
     * hold it, reason OVER_SHIPPED, by the origin's warehouse staff (a click: nothing moves there any more); the
     * set-aside units are then received by a later receipt round (scanned again at the destination)
     */
    ORIGIN_CONFIRMS(EnumSet.of(DiscrepancyType.OVER), FollowUp.POSTING, Groups.WAREHOUSE, Side.ORIGIN),
    /**
     * WRONG_LOT: lot identity restored by postings: REVERSAL of the expected lot's TRANSFER_OUT (whole, or of the part
     * not received that the lot sent replaces: a partial reversal, ADR 0013 amendment) by the origin's
     * inventory control, then TRANSFER_OUT of the lot actually sent from where the origin's books hold it by the
     * origin's warehouse staff (both reason WRONG_LOT_SHIPPED); the lot sent is then received by a later receipt round
     */
    WRONG_LOT_CORRECTED(
            EnumSet.of(DiscrepancyType.WRONG_LOT),
            FollowUp.POSTING,
            Groups.INVENTORY_CONTROL,
            Side.ORIGIN,
            new Step(Groups.WAREHOUSE, Side.ORIGIN)),
    /** DAMAGED, TEMPERATURE_EXCURSION: the units wait in QUARANTINE and quality releases or scraps them */
    QUALITY_DECIDES(
            EnumSet.of(DiscrepancyType.DAMAGED, DiscrepancyType.TEMPERATURE_EXCURSION), FollowUp.QUALITY, null, null);

    /** What happens after the decision. */
    public enum FollowUp {
        NONE,
        POSTING,
        QUALITY
    }

    /** Whose warehouse group the follow-up is for: none (the company's group), the origin's or the destination's. */
    public enum Side {
        NONE,
        ORIGIN,
        DESTINATION
    }

    /** One follow-up posting: the base group whose members post it, on whose warehouse's books. */
    public record Step(String group, Side side) {}

    private final Set<DiscrepancyType> answers;
    private final List<Step> steps;
    private final FollowUp followUp;
    private final String posterGroup;
    private final Side posterSide;

    TransferOutcome(
            Set<DiscrepancyType> answers, FollowUp followUp, String posterGroup, Side posterSide, Step... more) {
        this.answers = answers;
        List<Step> all = new java.util.ArrayList<>();
        if (posterGroup != null) {
            all.add(new Step(posterGroup, posterSide));
        }
        all.addAll(List.of(more));
        this.steps = List.copyOf(all);
        this.followUp = followUp;
        this.posterGroup = posterGroup;
        this.posterSide = posterSide;
    }

    public boolean answers(DiscrepancyType type) {
        return answers.contains(type);
    }

    public FollowUp followUp() {
        return followUp;
    }

    /** The base group whose members post the follow-up; null when nothing is posted. */
    public String posterGroup() {
        return posterGroup;
    }

    public Side posterSide() {
        return posterSide;
    }

    /** The follow-up postings in the order they are posted, each by its own group (empty when nothing is posted). */
    public List<Step> steps() {
        return steps;
    }

    /** The candidate group of the follow-up task of step {@code index}. */
    public String stepCandidateGroup(int index, String originCode, String destinationCode) {
        Step step = steps.get(index);
        return switch (step.side()) {
            case NONE -> step.group();
            case ORIGIN -> Groups.atWarehouse(step.group(), originCode);
            case DESTINATION -> Groups.atWarehouse(step.group(), destinationCode);
        };
    }

    /** The outcomes a supervisor may choose for a discrepancy of this type. */
    public static Set<TransferOutcome> of(DiscrepancyType type) {
        Set<TransferOutcome> s = EnumSet.noneOf(TransferOutcome.class);
        for (TransferOutcome o : values()) {
            if (o.answers(type)) {
                s.add(o);
            }
        }
        return s;
    }

    /**
     * The candidate group of the follow-up task: the base group, or its group at the origin or destination
     * ({@code inventory-control@EAST}); null when nothing is posted.
     */
    public String posterCandidateGroup(String originCode, String destinationCode) {
        if (posterGroup == null) {
            return null;
        }
        return switch (posterSide) {
            case NONE -> posterGroup;
            case ORIGIN -> Groups.atWarehouse(posterGroup, originCode);
            case DESTINATION -> Groups.atWarehouse(posterGroup, destinationCode);
        };
    }
}
