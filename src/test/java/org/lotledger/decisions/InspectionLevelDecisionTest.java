package org.lotledger.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.decisions.DecisionTableUnderTest.Evaluation;

/** {@code dmn/inspection-level.dmn}: every rule, and rows showing the stricter rule wins where several apply. */
class InspectionLevelDecisionTest {

    private static final DecisionTableUnderTest TABLE =
            DecisionTableUnderTest.load("inspection-level.dmn", "inspectionLevel");

    @ParameterizedTest(name = "{1} {2} {3} first={4} asnMismatch={5} -> {0}")
    @CsvSource(textBlock = """
            # rule,                                 supplier,  temp,    risk,      first, asn,   level,  sample, qaGroup,          sla
            BlockedSupplierFullInspection,           BLOCKED,   AMBIENT, CLASS_I,   false, false, FULL,   0,      quality-managers, 4
            BlockedSupplierFullInspection,           BLOCKED,   FROZEN,  BIOLOGIC,  true,  true,  FULL,   0,      quality-managers, 4
            AsnMismatchFullInspection,               APPROVED,  AMBIENT, CLASS_I,   false, true,  FULL,   0,      quality-managers, 8
            AsnMismatchFullInspection,               PROBATION, CHILLED, RX,        true,  true,  FULL,   0,      quality-managers, 8
            FirstReceiptHighRiskFullInspection,      APPROVED,  FROZEN,  BIOLOGIC,  true,  false, FULL,   0,      quality,          24
            FirstReceiptHighRiskFullInspection,      PROBATION, AMBIENT, RX,        true,  false, FULL,   0,      quality,          24
            ProbationSupplierHighRiskFullInspection, PROBATION, AMBIENT, IVD,       false, false, FULL,   0,      quality,          24
            ProbationSupplierHighRiskFullInspection, PROBATION, CHILLED, RX,        false, false, FULL,   0,      quality,          24
            FirstReceiptSampleInspection,            APPROVED,  AMBIENT, CLASS_I,   true,  false, SAMPLE, 13,     quality,          24
            FirstReceiptSampleInspection,            APPROVED,  CHILLED, IVD,       true,  false, SAMPLE, 13,     quality,          24
            ProbationSupplierSampleInspection,       PROBATION, AMBIENT, CLASS_II,  false, false, SAMPLE, 13,     quality,          24
            ProbationSupplierSampleInspection,       PROBATION, AMBIENT, CLASS_I,   false, false, SAMPLE, 13,     quality,          24
            ColdChainHighRiskSampleInspection,       APPROVED,  FROZEN,  BIOLOGIC,  false, false, SAMPLE, 5,      quality,          4
            ColdChainHighRiskSampleInspection,       APPROVED,  CHILLED, RX,        false, false, SAMPLE, 5,      quality,          4
            ColdChainVisualInspection,               APPROVED,  CHILLED, IVD,       false, false, VISUAL, 0,      quality,          4
            LowRiskAmbientApprovedSupplierSkip,      APPROVED,  AMBIENT, CLASS_I,   false, false, SKIP,   0,      quality,          0
            DefaultVisualInspection,                 APPROVED,  AMBIENT, CLASS_II,  false, false, VISUAL, 0,      quality,          24
            DefaultVisualInspection,                 APPROVED,  AMBIENT, RX,        false, false, VISUAL, 0,      quality,          24
            DefaultVisualInspection,                 APPROVED,  AMBIENT, NEW_CLASS, false, false, VISUAL, 0,      quality,          24
            """)
    void the_strictest_applicable_rule_decides_the_inspection(
            String rule,
            String supplierApprovalStatus,
            String temperatureClass,
            String riskClass,
            boolean firstReceiptFromSupplier,
            boolean asnMismatch,
            String level,
            int sampleSize,
            String qaGroup,
            int slaHours) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("supplierApprovalStatus", supplierApprovalStatus);
        inputs.put("temperatureClass", temperatureClass);
        inputs.put("riskClass", riskClass);
        inputs.put("firstReceiptFromSupplier", firstReceiptFromSupplier);
        inputs.put("asnMismatch", asnMismatch);

        Evaluation result = TABLE.evaluate(inputs);

        assertThat(result.ruleId()).isEqualTo("Rule_" + rule);
        assertThat(result.outputs())
                .containsEntry("inspectionLevel", level)
                .containsEntry("sampleSize", sampleSize)
                .containsEntry("qaGroup", qaGroup)
                .containsEntry("slaHours", slaHours);
    }

    @Test
    void only_a_sample_inspection_has_a_sample_size() {
        // a property of the rows above, checked across the whole table so a new rule cannot break it unnoticed
        for (String supplier : new String[] {"APPROVED", "PROBATION", "BLOCKED"}) {
            for (String temp : new String[] {"AMBIENT", "CHILLED", "FROZEN"}) {
                for (String risk : new String[] {"BIOLOGIC", "RX", "IVD", "CLASS_II", "CLASS_I"}) {
                    for (boolean first : new boolean[] {true, false}) {
                        for (boolean asn : new boolean[] {true, false}) {
                            Map<String, Object> out = TABLE.evaluate(Map.of(
                                            "supplierApprovalStatus",
                                            supplier,
                                            "temperatureClass",
                                            temp,
                                            "riskClass",
                                            risk,
                                            "firstReceiptFromSupplier",
                                            first,
                                            "asnMismatch",
                                            asn))
                                    .outputs();
                            int sampleSize = (Integer) out.get("sampleSize");
                            assertThat(sampleSize > 0)
                                    .as("%s", out)
                                    .isEqualTo("SAMPLE".equals(out.get("inspectionLevel")));
                            assertThat((Integer) out.get("slaHours") > 0)
                                    .as("%s", out)
                                    .isEqualTo(!"SKIP".equals(out.get("inspectionLevel")));
                        }
                    }
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
