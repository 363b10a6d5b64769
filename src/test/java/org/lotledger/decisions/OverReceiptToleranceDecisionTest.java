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

/** {@code dmn/over-receipt-tolerance.dmn}: every rule; zero tolerance wins over the supplier's standing. */
class OverReceiptToleranceDecisionTest {

    private static final DecisionTableUnderTest TABLE =
            DecisionTableUnderTest.load("over-receipt-tolerance.dmn", "overReceiptTolerance");

    @ParameterizedTest(name = "{1} {2} {3} -> {0}")
    @CsvSource(textBlock = """
            # rule,                                    supplier,  risk,      temp,    percent
            BlockedSupplierNoTolerance,                 BLOCKED,   CLASS_I,   AMBIENT, 0
            ColdChainNoTolerance,                       APPROVED,  IVD,       CHILLED, 0
            ColdChainNoTolerance,                       APPROVED,  CLASS_I,   FROZEN,  0
            RegulatedMedicineNoTolerance,               APPROVED,  RX,        AMBIENT, 0
            RegulatedMedicineNoTolerance,               PROBATION, BIOLOGIC,  AMBIENT, 0
            ProbationSupplierSmallTolerance,            PROBATION, CLASS_II,  AMBIENT, 2
            ProbationSupplierSmallTolerance,            PROBATION, CLASS_I,   AMBIENT, 2
            ApprovedSupplierClassIStandardTolerance,    APPROVED,  CLASS_I,   AMBIENT, 5
            ApprovedSupplierClassIIReducedTolerance,    APPROVED,  CLASS_II,  AMBIENT, 3
            ApprovedSupplierDiagnosticsSmallTolerance,  APPROVED,  IVD,       AMBIENT, 2
            UnknownCombinationNoTolerance,              APPROVED,  NEW_CLASS, AMBIENT, 0
            UnknownCombinationNoTolerance,              PROBATION, NEW_CLASS, AMBIENT, 0
            UnknownCombinationNoTolerance,              ,          CLASS_I,   AMBIENT, 0
            """)
    void receiving_may_accept_up_to_the_tolerance_over_the_order(
            String rule,
            String supplierApprovalStatus,
            String riskClass,
            String temperatureClass,
            BigDecimal tolerancePercent) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("supplierApprovalStatus", supplierApprovalStatus);
        inputs.put("riskClass", riskClass);
        inputs.put("temperatureClass", temperatureClass);

        Evaluation result = TABLE.evaluate(inputs);

        assertThat(result.ruleId()).isEqualTo("Rule_" + rule);
        Object percent = result.outputs().get("tolerancePercent");
        assertThat(percent).isInstanceOf(Double.class);
        assertThat(BigDecimal.valueOf((Double) percent)).isEqualByComparingTo(tolerancePercent);
    }

    @Test
    void every_status_risk_and_temperature_the_catalog_knows_has_an_explicit_rule_within_0_to_5_percent() {
        for (String status : List.of("APPROVED", "PROBATION", "BLOCKED")) {
            for (String risk : List.of("BIOLOGIC", "RX", "IVD", "CLASS_II", "CLASS_I")) {
                for (String temp : List.of("AMBIENT", "CHILLED", "FROZEN")) {
                    Evaluation result = TABLE.evaluate(
                            Map.of("supplierApprovalStatus", status, "riskClass", risk, "temperatureClass", temp));
                    assertThat(result.ruleId())
                            .as("%s %s %s", status, risk, temp)
                            .isNotEqualTo("Rule_UnknownCombinationNoTolerance");
                    assertThat((Double) result.outputs().get("tolerancePercent"))
                            .isBetween(0.0, 5.0);
                }
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
