package org.lotledger.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.decisions.DecisionTableUnderTest.Evaluation;

/** {@code dmn/allocation-override-approval.dmn}: every rule; anything unknown goes to a quality manager. */
class OverrideApprovalDecisionTest {

    private static final DecisionTableUnderTest TABLE =
            DecisionTableUnderTest.load("allocation-override-approval.dmn", "overrideApproval");

    @ParameterizedTest(name = "{1} {2} {3} {4} {5} {6} -> {0}")
    @CsvSource(textBlock = """
            # rule,                                      deviation,               reason,                  risk,     customer,      short, qty,  required, group
            BelowMinimumBiologicOrRxQualityManagers,     BELOW_CUSTOMER_MINIMUM,  CUSTOMER_REQUEST,        BIOLOGIC, CLINIC,        3,     10,   true,     quality-managers
            BelowMinimumBiologicOrRxQualityManagers,     BELOW_CUSTOMER_MINIMUM,  LOT_NOT_ACCESSIBLE,      RX,       HOSPITAL,      40,    10,   true,     quality-managers
            BelowMinimumHospitalFarShortQualityManagers, BELOW_CUSTOMER_MINIMUM,  CUSTOMER_REQUEST,        CLASS_I,  HOSPITAL,      31,    10,   true,     quality-managers
            BelowMinimumOperations,                      BELOW_CUSTOMER_MINIMUM,  CUSTOMER_REQUEST,        CLASS_I,  HOSPITAL,      30,    10,   true,     operations
            BelowMinimumOperations,                      BELOW_CUSTOMER_MINIMUM,  EXPIRY_MATCH,            IVD,      FIELD_SERVICE, 90,    10,   true,     operations
            EarlierExpiryOperations,                     EARLIER_EXPIRY,          LOT_NOT_ACCESSIBLE,      CLASS_II, CLINIC,        0,     10,   true,     operations
            LaterExpiryLargeQuantityOperations,          LATER_EXPIRY,            CUSTOMER_REQUEST,        CLASS_I,  HOSPITAL,      0,     1001, true,     operations
            LaterExpiryCustomerAskedNone,                LATER_EXPIRY,            CUSTOMER_REQUEST,        BIOLOGIC, HOSPITAL,      0,     1000, false,
            LaterExpiryCustomerAskedNone,                LATER_EXPIRY,            LONGER_DATING_REQUESTED, RX,       OTHER,         0,     5,    false,
            LaterExpiryOperations,                       LATER_EXPIRY,            LOT_NOT_ACCESSIBLE,      CLASS_I,  CLINIC,        0,     5,    true,     operations
            LaterExpiryOperations,                       LATER_EXPIRY,            EXPIRY_MATCH,            CLASS_I,  CLINIC,        0,     5,    true,     operations
            SameExpiryOrSameLotNone,                     SAME_EXPIRY_OTHER_LOT,   LOT_NOT_ACCESSIBLE,      BIOLOGIC, HOSPITAL,      0,     5000, false,
            SameExpiryOrSameLotNone,                     SAME_LOT_OTHER_LOCATION, EXPIRY_MATCH,            RX,       CLINIC,        0,     5,    false,
            UnknownCaseQualityManagers,                  SUBSTITUTE_ITEM,         CUSTOMER_REQUEST,        CLASS_I,  CLINIC,        0,     5,    true,     quality-managers
            UnknownCaseQualityManagers,                  ,                        CUSTOMER_REQUEST,        CLASS_I,  CLINIC,        0,     5,    true,     quality-managers
            """)
    void an_approval_is_required_where_the_table_says(
            String rule,
            String deviation,
            String reasonCode,
            String riskClass,
            String customerType,
            int daysShort,
            long quantity,
            boolean approvalRequired,
            String approverGroup) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("deviation", deviation);
        inputs.put("reasonCode", reasonCode);
        inputs.put("riskClass", riskClass);
        inputs.put("customerType", customerType);
        inputs.put("daysShort", daysShort);
        inputs.put("quantity", quantity);

        Evaluation result = TABLE.evaluate(inputs);

        assertThat(result.ruleId()).isEqualTo("Rule_" + rule);
        assertThat(result.outputs()).containsEntry("approvalRequired", approvalRequired);
        assertThat(result.outputs().get("approverGroup")).isEqualTo(approverGroup);
    }

    @Test
    void every_deviation_and_customer_type_the_application_knows_has_an_explicit_rule() {
        for (String deviation : List.of(
                "LATER_EXPIRY",
                "SAME_EXPIRY_OTHER_LOT",
                "EARLIER_EXPIRY",
                "SAME_LOT_OTHER_LOCATION",
                "BELOW_CUSTOMER_MINIMUM")) {
            for (String customer : List.of("HOSPITAL", "CLINIC", "FIELD_SERVICE", "OTHER")) {
                for (String reason :
                        List.of("CUSTOMER_REQUEST", "EXPIRY_MATCH", "LOT_NOT_ACCESSIBLE", "LONGER_DATING_REQUESTED")) {
                    for (String risk : List.of("BIOLOGIC", "RX", "IVD", "CLASS_II", "CLASS_I")) {
                        Map<String, Object> in = new HashMap<>();
                        in.put("deviation", deviation);
                        in.put("reasonCode", reason);
                        in.put("riskClass", risk);
                        in.put("customerType", customer);
                        in.put("daysShort", 10);
                        in.put("quantity", 10L);
                        assertThat(TABLE.evaluate(in).ruleId())
                                .as("%s %s %s %s", deviation, customer, reason, risk)
                                .isNotEqualTo("Rule_UnknownCaseQualityManagers");
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
