package org.lotledger.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.catalog.partner.CustomerType;
import org.lotledger.decisions.DecisionTableUnderTest.Evaluation;

/**
 * {@code dmn/recall-follow-up.dmn}: every rule by a row (class, customer type → follow-up interval); every known class
 * and customer type has an explicit rule with a valid ISO 8601 duration; a more serious class is never chased less
 * often than a lesser one for the same customer type; an unknown class gets the most cautious interval.
 */
class RecallFollowUpDecisionTest {

    private static final DecisionTableUnderTest TABLE =
            DecisionTableUnderTest.load("recall-follow-up.dmn", "recallFollowUp");

    @ParameterizedTest(name = "class {1}, {2} -> {3}")
    @CsvSource(textBlock = """
            # rule,                         class, customer type, interval
            ClassIHospitalFourHours,        I,     HOSPITAL,      PT4H
            ClassIAnyCustomerTwelveHours,   I,     CLINIC,        PT12H
            ClassIAnyCustomerTwelveHours,   I,     FIELD_SERVICE, PT12H
            ClassIAnyCustomerTwelveHours,   I,     OTHER,         PT12H
            ClassIAnyCustomerTwelveHours,   I,     ,              PT12H
            ClassIIHospitalOrClinicOneDay,  II,    HOSPITAL,      P1D
            ClassIIHospitalOrClinicOneDay,  II,    CLINIC,        P1D
            ClassIIAnyCustomerTwoDays,      II,    FIELD_SERVICE, P2D
            ClassIIAnyCustomerTwoDays,      II,    OTHER,         P2D
            ClassIIIAnyCustomerOneWeek,     III,   HOSPITAL,      P7D
            ClassIIIAnyCustomerOneWeek,     III,   OTHER,         P7D
            UnknownClassFourHours,          IV,    HOSPITAL,      PT4H
            UnknownClassFourHours,          ,      CLINIC,        PT4H
            """)
    void a_recall_chases_its_unanswered_customers_as_often_as_the_table_says(
            String rule, String recallClass, String customerType, String interval) {
        Evaluation result = TABLE.evaluate(inputs(recallClass, customerType));

        assertThat(result.ruleId()).isEqualTo("Rule_" + rule);
        assertThat(result.outputs().get("followUpInterval")).isEqualTo(interval);
    }

    @Test
    void every_class_and_customer_type_has_an_explicit_rule_and_a_more_serious_class_is_chased_at_least_as_often() {
        for (CustomerType type : CustomerType.values()) {
            Duration previous = Duration.ZERO;
            for (String recallClass : List.of("I", "II", "III")) {
                Evaluation result = TABLE.evaluate(inputs(recallClass, type.name()));
                assertThat(result.ruleId()).as("%s %s", recallClass, type).isNotEqualTo("Rule_UnknownClassFourHours");
                Duration interval = Duration.parse((String) result.outputs().get("followUpInterval"));
                assertThat(interval).as("%s %s", recallClass, type).isPositive().isGreaterThanOrEqualTo(previous);
                previous = interval;
            }
        }
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

    private static Map<String, Object> inputs(String recallClass, String customerType) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("recallClass", recallClass);
        inputs.put("customerType", customerType);
        return inputs;
    }
}
