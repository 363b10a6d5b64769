package org.lotledger.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotledger.common.DomainException;
import org.lotledger.quality.HoldDecision.Disposition;
import org.lotledger.quality.HoldDecision.Outcome;
import org.lotledger.quality.HoldDecisionPolicy.Decided;
import org.lotledger.quality.HoldDecisionPolicy.Facts;
import org.lotledger.quality.HoldDecisionPolicy.Proposal;

/**
 * The arithmetic of a reviewer's decision, as tables: plain Java, no Spring, no database. Hold 7 holds, in its order,
 * 30 of lot 1 at location 10 and 20 of lot 2 at location 20 (50 in all). Parts are written
 * {@code DISPOSITION lot@location quantity}, in the order the policy returns them.
 */
class HoldDecisionPolicyTest {

    static final long HOLD = 7;
    static final List<HoldView.Remaining> HELD =
            List.of(new HoldView.Remaining(1, "L-1", 10, "A1", 30), new HoldView.Remaining(2, "L-2", 20, "B1", 20));

    // --- the hold must be open ---

    @ParameterizedTest
    @EnumSource(value = HoldState.class, names = "OPEN", mode = EnumSource.Mode.EXCLUDE)
    void a_hold_that_is_not_open_has_nothing_left_to_decide(HoldState state) {
        DomainException e = refusal(new Facts(HOLD, state, HELD), totals("RELEASE", null, null, null));
        assertThat(e.code()).isEqualTo("HOLD_NOT_OPEN");
        assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(e.getMessage()).isEqualTo("Hold 7 is " + state + "; there is nothing left to decide.");
        assertThat(e.details()).isEqualTo(Map.of("holdId", HOLD, "state", state.name()));
    }

    @Test
    void an_open_hold_is_decided() {
        assertThat(parts(HoldDecisionPolicy.decide(open(), totals("RELEASE", null, null, null))))
                .isEqualTo("RELEASE 1@10 30, RELEASE 2@20 20");
    }

    // --- the outcome ---

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({
        "release, RELEASE",
        "RELEASE, RELEASE",
        "' Scrap ', SCRAP",
        "return_to_vendor, RETURN_TO_VENDOR",
    })
    void the_outcome_is_read_in_any_case_and_trimmed(String given, Outcome expected) {
        assertThat(HoldDecisionPolicy.decide(open(), totals(given, null, null, null))
                        .outcome())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @NullSource
    @ValueSource(strings = {"", " ", "hold", "return", "RETURN TO VENDOR", "APPROVE_RELEASE"})
    void an_unknown_outcome_is_refused(String given) {
        DomainException e = refusal(open(), totals(given, null, null, null));
        assertThat(e.code()).isEqualTo("HOLD_DECISION_INVALID");
        assertThat(e.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
        assertThat(e.getMessage())
                .isEqualTo("Choose an outcome: release, scrap, return to vendor or split (got '" + given + "').");
        assertThat(e.details()).isEmpty();
    }

    // --- a hold that holds nothing any more ---

    @ParameterizedTest
    @ValueSource(strings = {"SCRAP", "RETURN_TO_VENDOR", "SPLIT"})
    void a_hold_that_holds_nothing_can_only_be_released(String outcome) {
        DomainException e = refusal(new Facts(HOLD, HoldState.OPEN, List.of()), totals(outcome, 1L, 1L, 1L));
        assertThat(e.code()).isEqualTo("NOTHING_ON_HOLD");
        assertThat(e.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
        assertThat(e.getMessage()).isEqualTo("Hold 7 holds no stock any more; release it to end it.");
        assertThat(e.details()).isEqualTo(Map.of("holdId", HOLD));
    }

    @Test
    void releasing_a_hold_that_holds_nothing_ends_it_with_no_parts() {
        Decided d = HoldDecisionPolicy.decide(
                new Facts(HOLD, HoldState.OPEN, List.of()), totals("RELEASE", null, null, null));
        assertThat(d.outcome()).isEqualTo(Outcome.RELEASE);
        assertThat(d.parts()).isEmpty();
    }

    // --- totals (the form), spread over the held stock: scrap first, then return, then release ---

    @ParameterizedTest(name = "{0} release={1} scrap={2} return={3} -> {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "RELEASE          | -  | -  | -  | RELEASE 1@10 30, RELEASE 2@20 20",
                // the release of a RELEASE ignores the totals: it is all of it
                "RELEASE          | 5  | 5  | 5  | RELEASE 1@10 30, RELEASE 2@20 20",
                "SCRAP            | -  | -  | -  | SCRAP 1@10 30, SCRAP 2@20 20",
                "SCRAP            | -  | 1  | -  | SCRAP 1@10 1",
                "SCRAP            | -  | 30 | -  | SCRAP 1@10 30",
                "SCRAP            | -  | 31 | -  | SCRAP 1@10 30, SCRAP 2@20 1",
                "SCRAP            | -  | 50 | -  | SCRAP 1@10 30, SCRAP 2@20 20",
                // the other totals of a SCRAP are not read
                "SCRAP            | 9  | 10 | 9  | SCRAP 1@10 10",
                "RETURN_TO_VENDOR | -  | -  | -  | RETURN_TO_VENDOR 1@10 30, RETURN_TO_VENDOR 2@20 20",
                "RETURN_TO_VENDOR | -  | -  | 1  | RETURN_TO_VENDOR 1@10 1",
                "RETURN_TO_VENDOR | -  | -  | 50 | RETURN_TO_VENDOR 1@10 30, RETURN_TO_VENDOR 2@20 20",
                "SPLIT            | 10 | 40 | -  | SCRAP 1@10 30, SCRAP 2@20 10, RELEASE 2@20 10",
                "SPLIT            | 1  | -  | 1  | RETURN_TO_VENDOR 1@10 1, RELEASE 1@10 1",
                "SPLIT            | 0  | 1  | 1  | SCRAP 1@10 1, RETURN_TO_VENDOR 1@10 1",
                "SPLIT            | 10 | 25 | 15 | SCRAP 1@10 25, RETURN_TO_VENDOR 1@10 5, RETURN_TO_VENDOR 2@20 10, RELEASE 2@20 10",
                // what a decision leaves out stays on hold
                "SPLIT            | 1  | 1  | 1  | SCRAP 1@10 1, RETURN_TO_VENDOR 1@10 1, RELEASE 1@10 1",
            })
    void totals_are_allocated_over_the_held_stock_in_the_holds_order(
            String outcome, Long release, Long scrap, Long rtv, String expected) {
        assertThat(parts(HoldDecisionPolicy.decide(open(), totals(outcome, release, scrap, rtv))))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} release={1} scrap={2} return={3} divides {4} of 50")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "SCRAP            | -  | 51 | -  | 51",
                "RETURN_TO_VENDOR | -  | -  | 51 | 51",
                "SPLIT            | 11 | 40 | -  | 51",
                "SPLIT            | 1  | 25 | 25 | 51",
                "SPLIT            | 50 | 50 | 50 | 150",
            })
    void totals_beyond_what_the_hold_holds_are_refused(
            String outcome, Long release, Long scrap, Long rtv, long requested) {
        DomainException e = refusal(open(), totals(outcome, release, scrap, rtv));
        assertThat(e.code()).isEqualTo("QUANTITY_EXCEEDS_HOLD");
        assertThat(e.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
        assertThat(e.getMessage()).isEqualTo("Hold 7 holds 50 in all; the decision divides " + requested + ".");
        assertThat(e.details()).isEqualTo(Map.of("holdId", HOLD, "onHold", 50L, "requested", requested));
    }

    @ParameterizedTest(name = "{0} release={1} scrap={2} return={3}: {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            quoteCharacter = '"',
            value = {
                "SCRAP            | - | 0  | -  | The scrap quantity must be positive; got 0.",
                "SCRAP            | - | -1 | -  | The scrap quantity must be positive; got -1.",
                "RETURN_TO_VENDOR | - | -  | 0  | The return quantity must be positive; got 0.",
                "RETURN_TO_VENDOR | - | -  | -5 | The return quantity must be positive; got -5.",
                "SPLIT            | -1 | 1 | 1  | The release quantity cannot be negative; got -1.",
                "SPLIT            | 1 | -1 | 1  | The scrap quantity cannot be negative; got -1.",
                "SPLIT            | 1 | 1  | -1 | The return quantity cannot be negative; got -1.",
                "SPLIT            | - | -  | -  | A split divides the held stock among at least two of release, scrap and return to vendor; give each part's quantity.",
                "SPLIT            | 0 | 0  | 0  | A split divides the held stock among at least two of release, scrap and return to vendor; give each part's quantity.",
                "SPLIT            | - | 50 | -  | A split divides the held stock among at least two of release, scrap and return to vendor; give each part's quantity.",
                "SPLIT            | 1 | 0  | -  | A split divides the held stock among at least two of release, scrap and return to vendor; give each part's quantity.",
            })
    void bad_totals_are_refused(String outcome, Long release, Long scrap, Long rtv, String message) {
        DomainException e = refusal(open(), totals(outcome, release, scrap, rtv));
        assertThat(e.code()).isEqualTo("HOLD_DECISION_INVALID");
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.details()).isEmpty();
    }

    // --- explicit parts (the API) ---

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "RELEASE          | RELEASE 1@10 30, RELEASE 2@20 20",
                "RELEASE          | RELEASE 2@20 20, RELEASE 1@10 30",
                "SCRAP            | SCRAP 1@10 1",
                "SCRAP            | SCRAP 1@10 30, SCRAP 2@20 20",
                "SCRAP            | SCRAP 1@10 10, SCRAP 1@10 20",
                "RETURN_TO_VENDOR | RETURN_TO_VENDOR 2@20 20",
                "SPLIT            | SCRAP 1@10 5, RELEASE 1@10 25, RETURN_TO_VENDOR 2@20 20",
                // a split of one disposition only is taken as given
                "SPLIT            | RELEASE 2@20 1",
            })
    void parts_within_what_is_held_are_taken_as_given(String outcome, String given) {
        assertThat(parts(HoldDecisionPolicy.decide(open(), withParts(outcome, given))))
                .isEqualTo(given);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void a_part_of_no_quantity_is_refused(long quantity) {
        DomainException e = refusal(
                open(),
                new Proposal(
                        "SCRAP",
                        null,
                        null,
                        null,
                        List.of(new HoldDecision.Part(1, 10, quantity, Disposition.SCRAP)),
                        null,
                        null,
                        null));
        assertThat(e.code()).isEqualTo("INVALID_QUANTITY");
        assertThat(e.getMessage())
                .isEqualTo("Quantities are whole, positive numbers of the item's base unit; got " + quantity + ".");
        assertThat(e.details()).isEqualTo(Map.of("quantity", quantity));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SCRAP            | RELEASE 1@10 1          | Each part of a SCRAP decision is SCRAP; got RELEASE.",
                "SCRAP            | SCRAP 1@10 1, RETURN_TO_VENDOR 2@20 1 | Each part of a SCRAP decision is SCRAP; got RETURN_TO_VENDOR.",
                "RETURN_TO_VENDOR | SCRAP 1@10 1            | Each part of a RETURN_TO_VENDOR decision is RETURN_TO_VENDOR; got SCRAP.",
                "RELEASE          | SCRAP 1@10 30, SCRAP 2@20 20 | Each part of a RELEASE decision is RELEASE; got SCRAP.",
                "SCRAP            | null 1@10 1             | Each part of a SCRAP decision is SCRAP; got null.",
                "SPLIT            | null 1@10 1             | Each part of a SPLIT decision is SPLIT into RELEASE, SCRAP or RETURN_TO_VENDOR; got null.",
            })
    void a_part_of_another_disposition_than_the_outcome_is_refused(String outcome, String given, String message) {
        DomainException e = refusal(open(), withParts(outcome, given));
        assertThat(e.code()).isEqualTo("HOLD_DECISION_INVALID");
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SCRAP 1@10 31                        | 1 | 10 | 30 | 31",
                "SCRAP 1@10 30, SCRAP 2@20 21         | 2 | 20 | 20 | 21",
                // parts of one lot and location add up
                "SCRAP 1@10 15, SCRAP 1@10 16         | 1 | 10 | 30 | 31",
                // a lot the hold holds, at a location where it does not hold it
                "SCRAP 1@20 1                         | 1 | 20 | 0  | 1",
                "SCRAP 3@10 1                         | 3 | 10 | 0  | 1",
            })
    void parts_beyond_what_is_held_at_their_lot_and_location_are_refused(
            String given, long lotId, long locationId, long onHold, long requested) {
        DomainException e = refusal(open(), withParts("SCRAP", given));
        assertThat(e.code()).isEqualTo("QUANTITY_EXCEEDS_HOLD");
        assertThat(e.getMessage())
                .isEqualTo("Hold 7 holds " + onHold + " of lot " + lotId + " at location " + locationId + ", not "
                        + requested + ".");
        assertThat(e.details())
                .isEqualTo(Map.of(
                        "holdId",
                        HOLD,
                        "lotId",
                        lotId,
                        "locationId",
                        locationId,
                        "onHold",
                        onHold,
                        "requested",
                        requested));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RELEASE 1@10 30", "RELEASE 1@10 30, RELEASE 2@20 19", "RELEASE 2@20 1"})
    void a_release_by_parts_releases_everything(String given) {
        DomainException e = refusal(open(), withParts("RELEASE", given));
        assertThat(e.code()).isEqualTo("HOLD_DECISION_INVALID");
        assertThat(e.getMessage())
                .isEqualTo("A release releases everything the hold holds; to release part of it, split.");
    }

    // --- what the service does next ---

    @ParameterizedTest(name = "{0} release={1} scrap={2} return={3} scraps: {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "RELEASE          | - | -  | - | false",
                "SCRAP            | - | -  | - | true",
                "RETURN_TO_VENDOR | - | -  | - | false",
                "SPLIT            | 1 | -  | 1 | false",
                "SPLIT            | 1 | 1  | - | true",
            })
    void a_decision_that_scraps_anything_needs_a_scrap_reason(
            String outcome, Long release, Long scrap, Long rtv, boolean scraps) {
        assertThat(HoldDecisionPolicy.decide(open(), totals(outcome, release, scrap, rtv))
                        .scraps())
                .isEqualTo(scraps);
    }

    private static Facts open() {
        return new Facts(HOLD, HoldState.OPEN, HELD);
    }

    private static Proposal totals(String outcome, Long release, Long scrap, Long rtv) {
        return new Proposal(outcome, release, scrap, rtv, List.of(), "DAMAGED", "a note", "key-1");
    }

    /** {@code "SCRAP 1@10 5, RELEASE 2@20 3"}; a disposition {@code null} stands for none given. */
    private static Proposal withParts(String outcome, String parts) {
        List<HoldDecision.Part> list = new ArrayList<>();
        for (String p : parts.split(",")) {
            String[] w = p.trim().split("[ @]");
            list.add(new HoldDecision.Part(
                    Long.parseLong(w[1]),
                    Long.parseLong(w[2]),
                    Long.parseLong(w[3]),
                    w[0].equals("null") ? null : Disposition.valueOf(w[0])));
        }
        return new Proposal(outcome, null, null, null, list, null, null, null);
    }

    private static String parts(Decided d) {
        return d.parts().stream()
                .map(p -> p.disposition() + " " + p.lotId() + "@" + p.locationId() + " " + p.quantity())
                .collect(Collectors.joining(", "));
    }

    private static DomainException refusal(Facts facts, Proposal p) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> HoldDecisionPolicy.decide(facts, p));
        assertThat(e).as("a refusal").isNotNull();
        return e;
    }
}
