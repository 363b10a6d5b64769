package org.lotledger.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.decisions.DecisionTableUnderTest.Evaluation;
import org.lotledger.quality.HoldReason;

/**
 * {@code dmn/hold-review-sla.dmn}: every rule; a reason the table does not know gets the strictest SLA; every answer
 * is a duration Camunda reads (due date, follow-up date, the reminder cycle's period) with the follow-up before the due
 * date.
 */
class HoldReviewSlaDecisionTest {

    private static final DecisionTableUnderTest TABLE =
            DecisionTableUnderTest.load("hold-review-sla.dmn", "holdReviewSla");

    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource(textBlock = """
            # rule,                                   reason,                review within, follow up within
            RegulatoryOrRecallReviewWithinFourHours,  REGULATORY_OR_RECALL,  PT4H,          PT2H
            TemperatureExcursionReviewWithinADay,     TEMPERATURE_EXCURSION, PT24H,         PT12H
            CustomerComplaintReviewWithinTwoDays,     CUSTOMER_COMPLAINT,    P2D,           P1D
            SupplierNoticeReviewWithinThreeDays,      SUPPLIER_NOTICE,       P3D,           P1DT12H
            InvestigationReviewWithinFiveDays,        INVESTIGATION,         P5D,           P2DT12H
            UnknownReasonReviewWithinFourHours,       PRODUCT_DEFECT,        PT4H,          PT2H
            UnknownReasonReviewWithinFourHours,       ,                      PT4H,          PT2H
            """)
    void a_hold_is_due_for_review_within_what_the_table_says_for_its_reason(
            String rule, String holdReason, String reviewWithin, String followUpWithin) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("holdReason", holdReason);

        Evaluation result = TABLE.evaluate(inputs);

        assertThat(result.ruleId()).isEqualTo("Rule_" + rule);
        assertThat(result.outputs())
                .containsEntry("reviewWithin", reviewWithin)
                .containsEntry("followUpWithin", followUpWithin);
    }

    @Test
    void every_reason_the_application_knows_has_an_explicit_rule() {
        for (HoldReason reason : HoldReason.values()) {
            Evaluation result = TABLE.evaluate(Map.of("holdReason", reason.name()));
            assertThat(result.ruleId()).as("%s", reason).isNotEqualTo("Rule_UnknownReasonReviewWithinFourHours");
        }
    }

    @Test
    void every_answer_is_a_duration_the_follow_up_comes_first_and_the_catch_all_is_the_strictest() throws Exception {
        DatatypeFactory durations = DatatypeFactory.newInstance(); // what Camunda's DurationHelper parses with
        long strictest = Long.MAX_VALUE;
        for (HoldReason reason : HoldReason.values()) {
            Map<String, Object> outputs =
                    TABLE.evaluate(Map.of("holdReason", reason.name())).outputs();
            long review = millis(durations.newDuration((String) outputs.get("reviewWithin")));
            long followUp = millis(durations.newDuration((String) outputs.get("followUpWithin")));
            assertThat(followUp).as("follow-up of %s", reason).isPositive().isLessThan(review);
            strictest = Math.min(strictest, review);
        }
        Map<String, Object> unknown =
                TABLE.evaluate(Map.of("holdReason", "PRODUCT_DEFECT")).outputs();
        assertThat(millis(durations.newDuration((String) unknown.get("reviewWithin"))))
                .as("the catch-all is the strictest answer")
                .isEqualTo(strictest);
    }

    @Test
    void every_rule_is_exercised_by_a_row() {
        assertThat(DecisionTableUnderTest.ruleIdsNamedInCsvRowsOf(getClass()))
                .containsExactlyInAnyOrderElementsOf(TABLE.ruleIds());
    }

    @Test
    void the_file_opens_in_camunda_modeler_and_deploys() {
        TABLE.assertOpensInModelerAndDeploys();
    }

    private static long millis(Duration d) {
        return d.getTimeInMillis(new java.util.Date(0));
    }
}
