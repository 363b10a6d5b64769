package org.lotledger.quality.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link HoldProcess#reviewSchedule}: the due date, follow-up date and reminder cycle come from one answer of holdReviewSla. */
class HoldReviewScheduleTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({"PT4H,  PT2H,    R60/PT4H", "P5D,   P2DT12H, R60/P5D", "P1DT12H, PT18H, R60/P1DT12H"})
    void the_reminder_cycle_has_the_period_of_the_due_date(String reviewWithin, String followUpWithin, String cycle) {
        assertThat(HoldProcess.reviewSchedule(Map.of("reviewWithin", reviewWithin, "followUpWithin", followUpWithin)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "holdReviewDue",
                        reviewWithin,
                        "holdReviewFollowUp",
                        followUpWithin,
                        "holdReminderCycle",
                        cycle));
    }

    @ParameterizedTest(name = "reviewWithin ''{0}'' is refused")
    @CsvSource(
            value = {"4h", "P", "PT", "P1DT", "R60/P3D", "2026-12-01T10:00:00Z", "''", "NULL"},
            nullValues = "NULL")
    void an_answer_that_is_not_a_duration_is_a_model_fault_not_a_silent_default(String reviewWithin) {
        Map<String, Object> sla = new HashMap<>();
        sla.put("reviewWithin", reviewWithin);
        sla.put("followUpWithin", "PT2H");

        assertThatThrownBy(() -> HoldProcess.reviewSchedule(sla))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hold-review-sla.dmn")
                .hasMessageContaining("reviewWithin");
    }
}
