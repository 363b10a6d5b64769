package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.transfers.DiscrepancyType.DAMAGED;
import static org.lotledger.transfers.DiscrepancyType.OVER;
import static org.lotledger.transfers.DiscrepancyType.SHORT;
import static org.lotledger.transfers.DiscrepancyType.TEMPERATURE_EXCURSION;
import static org.lotledger.transfers.DiscrepancyType.WRONG_LOT;
import static org.lotledger.transfers.TransferOutcome.LOST_IN_TRANSIT;
import static org.lotledger.transfers.TransferOutcome.NEVER_LEFT;
import static org.lotledger.transfers.TransferOutcome.QUALITY_DECIDES;
import static org.lotledger.transfers.TransferOutcome.STILL_COMING;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lotledger.ledger.PostingType;

/** The outcome table: which outcomes answer which discrepancy, and who posts them on whose books. */
class TransferOutcomeTest {

    static Stream<Arguments> outcomes_per_type() {
        return Stream.of(
                Arguments.of(SHORT, Set.of(STILL_COMING, LOST_IN_TRANSIT, NEVER_LEFT)),
                Arguments.of(DAMAGED, Set.of(QUALITY_DECIDES)),
                Arguments.of(TEMPERATURE_EXCURSION, Set.of(QUALITY_DECIDES)),
                Arguments.of(OVER, Set.of(TransferOutcome.FOUND, TransferOutcome.ORIGIN_CONFIRMS)),
                Arguments.of(WRONG_LOT, Set.of(TransferOutcome.WRONG_LOT_CORRECTED)));
    }

    @ParameterizedTest(name = "{0} is resolved by {1}")
    @MethodSource
    void outcomes_per_type(DiscrepancyType type, Set<TransferOutcome> expected) {
        assertThat(TransferOutcome.of(type)).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> who_posts() {
        return Stream.of(
                Arguments.of(STILL_COMING, TransferOutcome.FollowUp.NONE, null, null),
                Arguments.of(
                        LOST_IN_TRANSIT, TransferOutcome.FollowUp.POSTING, "inventory-control", PostingType.ADJUSTMENT),
                Arguments.of(
                        NEVER_LEFT, TransferOutcome.FollowUp.POSTING, "inventory-control@EAST", PostingType.REVERSAL),
                Arguments.of(
                        TransferOutcome.FOUND,
                        TransferOutcome.FollowUp.POSTING,
                        "inventory-control",
                        PostingType.ADJUSTMENT),
                Arguments.of(
                        TransferOutcome.ORIGIN_CONFIRMS,
                        TransferOutcome.FollowUp.POSTING,
                        "warehouse@EAST",
                        PostingType.TRANSFER_OUT),
                Arguments.of(
                        TransferOutcome.WRONG_LOT_CORRECTED,
                        TransferOutcome.FollowUp.POSTING,
                        "inventory-control@EAST",
                        PostingType.REVERSAL),
                Arguments.of(QUALITY_DECIDES, TransferOutcome.FollowUp.QUALITY, null, null));
    }

    @org.junit.jupiter.api.Test
    void a_wrong_lot_is_corrected_by_two_postings_each_by_its_own_group_at_the_origin() {
        TransferOutcome o = TransferOutcome.WRONG_LOT_CORRECTED;
        assertThat(o.steps()).hasSize(2);
        assertThat(o.stepCandidateGroup(0, "EAST", "WEST")).isEqualTo("inventory-control@EAST");
        assertThat(ResolvingTransferDiscrepancies.postingType(o, 0)).isEqualTo(PostingType.REVERSAL);
        assertThat(o.stepCandidateGroup(1, "EAST", "WEST")).isEqualTo("warehouse@EAST");
        assertThat(ResolvingTransferDiscrepancies.postingType(o, 1)).isEqualTo(PostingType.TRANSFER_OUT);
        for (int i = 0; i < o.steps().size(); i++) {
            assertThat(ResolvingTransferDiscrepancies.postingType(o, i).groups())
                    .contains(o.steps().get(i).group());
        }
        assertThat(TransferOutcome.STILL_COMING.steps()).isEmpty();
        assertThat(TransferOutcome.LOST_IN_TRANSIT.steps()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}: {1} by {2} ({3})")
    @MethodSource
    void who_posts(TransferOutcome outcome, TransferOutcome.FollowUp followUp, String group, PostingType type) {
        assertThat(outcome.followUp()).isEqualTo(followUp);
        assertThat(outcome.posterCandidateGroup("EAST", "WEST")).isEqualTo(group);
        assertThat(ResolvingTransferDiscrepancies.postingType(outcome)).isEqualTo(type);
        if (type != null) {
            assertThat(type.groups())
                    .as("the posting type allows the group the follow-up is offered to")
                    .contains(outcome.posterGroup());
        }
    }
}
