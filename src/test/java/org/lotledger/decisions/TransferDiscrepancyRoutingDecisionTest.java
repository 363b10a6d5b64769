package org.lotledger.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.decisions.DecisionTableUnderTest.Evaluation;

/**
 * {@code dmn/transfer-discrepancy-routing.dmn}: every rule, each threshold on both sides; anything unknown goes to
 * quality and inventory control.
 */
class TransferDiscrepancyRoutingDecisionTest {

    private static final DecisionTableUnderTest TABLE =
            DecisionTableUnderTest.load("transfer-discrepancy-routing.dmn", "transferDiscrepancyRouting");

    /** The discrepancy types the receipt computes (issue 10 §3). */
    private static final List<String> TYPES = List.of("SHORT", "OVER", "WRONG_LOT", "DAMAGED", "TEMPERATURE_EXCURSION");

    @ParameterizedTest(name = "{1} worth {2} -> {0}")
    @CsvSource(textBlock = """
            # rule,                                              type,                  value,    groups
            DamageOrColdChainHighValueQualityAndInventoryControl, DAMAGED,               1000,     'quality,inventory-control'
            DamageOrColdChainHighValueQualityAndInventoryControl, TEMPERATURE_EXCURSION, 25000.50, 'quality,inventory-control'
            DamageOrColdChainQuality,                             DAMAGED,               999.99,   quality
            DamageOrColdChainQuality,                             TEMPERATURE_EXCURSION, 0,        quality
            WrongLotInventoryControl,                             WRONG_LOT,             0,        inventory-control
            WrongLotInventoryControl,                             WRONG_LOT,             50000,    inventory-control
            CountDifferenceHighValueInventoryControl,             SHORT,                 1000,     inventory-control
            CountDifferenceHighValueInventoryControl,             OVER,                  1750,     inventory-control
            CountDifferenceSupervisorsOnly,                       SHORT,                 999.99,
            CountDifferenceSupervisorsOnly,                       OVER,                  0,
            CountDifferenceSupervisorsOnly,                       SHORT,                 875,
            UnknownCaseQualityAndInventoryControl,                SHORT,                 ,         'quality,inventory-control'
            UnknownCaseQualityAndInventoryControl,                DAMAGED,               ,         'quality,inventory-control'
            UnknownCaseQualityAndInventoryControl,                MISSING_LABEL,         10,       'quality,inventory-control'
            UnknownCaseQualityAndInventoryControl,                ,                      10,       'quality,inventory-control'
            """)
    void a_discrepancy_is_offered_to_the_groups_the_table_names(
            String rule, String discrepancyType, BigDecimal discrepancyValue, String additionalGroups) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("discrepancyType", discrepancyType);
        inputs.put("discrepancyValue", discrepancyValue);

        Evaluation result = TABLE.evaluate(inputs);

        assertThat(result.ruleId()).isEqualTo("Rule_" + rule);
        assertThat(result.outputs().get("additionalGroups")).isEqualTo(additionalGroups);
        assertThat((String) result.outputs().get("reason")).isNotBlank();
    }

    @Test
    void every_discrepancy_type_the_receipt_computes_has_an_explicit_rule_at_any_value() {
        for (String type : TYPES) {
            for (BigDecimal value : List.of(
                    BigDecimal.ZERO,
                    new BigDecimal("0.01"),
                    new BigDecimal("999.99"),
                    new BigDecimal("1000"),
                    new BigDecimal("1000000"))) {
                assertThat(TABLE.evaluate(Map.of("discrepancyType", type, "discrepancyValue", value))
                                .ruleId())
                        .as("%s worth %s", type, value)
                        .isNotEqualTo("Rule_UnknownCaseQualityAndInventoryControl");
            }
        }
    }

    @Test
    void the_groups_are_the_applications_groups_in_candidate_group_form() {
        for (String type : TYPES) {
            Object groups = TABLE.evaluate(Map.of("discrepancyType", type, "discrepancyValue", 5000))
                    .outputs()
                    .get("additionalGroups");
            assertThat(((String) groups).split(",")).isSubsetOf("quality", "inventory-control");
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
}
