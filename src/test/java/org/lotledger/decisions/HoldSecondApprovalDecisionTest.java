package org.lotledger.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.decisions.DecisionTableUnderTest.Evaluation;

/** {@code dmn/hold-second-approval.dmn}: every rule; anything unknown needs the second approval. */
class HoldSecondApprovalDecisionTest {

    private static final DecisionTableUnderTest TABLE =
            DecisionTableUnderTest.load("hold-second-approval.dmn", "holdSecondApproval");

    @ParameterizedTest(name = "{1} {2} -> {0}")
    @CsvSource(textBlock = """
            # rule,                                              reason,                outcome,          second, group
            RegulatoryOrRecallAlwaysSecondApproval,               REGULATORY_OR_RECALL,  RELEASE,          true,   quality-managers
            RegulatoryOrRecallAlwaysSecondApproval,               REGULATORY_OR_RECALL,  SCRAP,            true,   quality-managers
            RegulatoryOrRecallAlwaysSecondApproval,               REGULATORY_OR_RECALL,  RETURN_TO_VENDOR, true,   quality-managers
            RegulatoryOrRecallAlwaysSecondApproval,               REGULATORY_OR_RECALL,  SPLIT,            true,   quality-managers
            ReleaseAfterTemperatureExcursionSecondApproval,       TEMPERATURE_EXCURSION, RELEASE,          true,   quality-managers
            ReleaseAfterTemperatureExcursionSecondApproval,       TEMPERATURE_EXCURSION, SPLIT,            true,   quality-managers
            ReleaseAfterCustomerComplaintSecondApproval,          CUSTOMER_COMPLAINT,    RELEASE,          true,   quality-managers
            ReleaseAfterCustomerComplaintSecondApproval,          CUSTOMER_COMPLAINT,    SPLIT,            true,   quality-managers
            ScrapOrReturnSingleApproval,                          TEMPERATURE_EXCURSION, SCRAP,            false,
            ScrapOrReturnSingleApproval,                          CUSTOMER_COMPLAINT,    RETURN_TO_VENDOR, false,
            ScrapOrReturnSingleApproval,                          SUPPLIER_NOTICE,       RETURN_TO_VENDOR, false,
            ScrapOrReturnSingleApproval,                          INVESTIGATION,         SCRAP,            false,
            SupplierNoticeOrInvestigationReleaseSingleApproval,   SUPPLIER_NOTICE,       RELEASE,          false,
            SupplierNoticeOrInvestigationReleaseSingleApproval,   INVESTIGATION,         SPLIT,            false,
            UnknownCombinationSecondApproval,                     INVESTIGATION,         REWORK,           true,   quality-managers
            UnknownCombinationSecondApproval,                     ,                      RELEASE,          true,   quality-managers
            UnknownCombinationSecondApproval,                     PRODUCT_DEFECT,        RELEASE,          true,   quality-managers
            """)
    void a_second_approval_is_required_where_the_table_says(
            String rule, String holdReason, String outcome, boolean secondApprovalRequired, String approverGroup) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("holdReason", holdReason);
        inputs.put("outcome", outcome);

        Evaluation result = TABLE.evaluate(inputs);

        assertThat(result.ruleId()).isEqualTo("Rule_" + rule);
        assertThat(result.outputs()).containsEntry("secondApprovalRequired", secondApprovalRequired);
        assertThat(result.outputs().get("approverGroup")).isEqualTo(approverGroup);
    }

    @Test
    void every_reason_and_outcome_the_application_knows_has_an_explicit_rule() {
        for (String reason : List.of(
                "CUSTOMER_COMPLAINT",
                "TEMPERATURE_EXCURSION",
                "SUPPLIER_NOTICE",
                "REGULATORY_OR_RECALL",
                "INVESTIGATION")) {
            for (String outcome : List.of("RELEASE", "SCRAP", "RETURN_TO_VENDOR", "SPLIT")) {
                Evaluation result = TABLE.evaluate(Map.of("holdReason", reason, "outcome", outcome));
                assertThat(result.ruleId())
                        .as("%s %s", reason, outcome)
                        .isNotEqualTo("Rule_UnknownCombinationSecondApproval");
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
}
