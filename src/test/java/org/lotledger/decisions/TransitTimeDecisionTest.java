package org.lotledger.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.catalog.item.TemperatureClass;
import org.lotledger.decisions.DecisionTableUnderTest.Evaluation;

/**
 * {@code dmn/transit-time.dmn}: every rule by a row (lane, class → days, grace hours); every lane between the demo
 * warehouses in every class has an explicit rule; a cold chain never gets more grace than ambient stock on the same
 * lane; an unknown lane falls to the cautious catch-alls.
 */
class TransitTimeDecisionTest {

    private static final DecisionTableUnderTest TABLE = DecisionTableUnderTest.load("transit-time.dmn", "transitTime");

    private static final List<String> DEMO_WAREHOUSES = List.of("EAST", "WEST", "CENTRAL");

    @ParameterizedTest(name = "{1} → {2} {3} -> {4} days, {5} h")
    @CsvSource(textBlock = """
            # rule,                      from,    to,      class,   days, grace hours
            FrozenAnyLaneNextDay,        EAST,    WEST,    FROZEN,  1,    4
            FrozenAnyLaneNextDay,        CENTRAL, EAST,    FROZEN,  1,    4
            FrozenAnyLaneNextDay,        NORTH,   SOUTH,   FROZEN,  1,    4
            EastWestChilledTwoDays,      EAST,    WEST,    CHILLED, 2,    6
            EastWestChilledTwoDays,      WEST,    EAST,    CHILLED, 2,    6
            EastWestAmbientFourDays,     EAST,    WEST,    AMBIENT, 4,    24
            EastWestAmbientFourDays,     WEST,    EAST,    AMBIENT, 4,    24
            CentralLaneChilledOneDay,    CENTRAL, EAST,    CHILLED, 1,    6
            CentralLaneChilledOneDay,    CENTRAL, WEST,    CHILLED, 1,    6
            ToCentralChilledOneDay,      EAST,    CENTRAL, CHILLED, 1,    6
            ToCentralChilledOneDay,      WEST,    CENTRAL, CHILLED, 1,    6
            CentralLaneAmbientTwoDays,   CENTRAL, EAST,    AMBIENT, 2,    12
            CentralLaneAmbientTwoDays,   CENTRAL, WEST,    AMBIENT, 2,    12
            ToCentralAmbientTwoDays,     EAST,    CENTRAL, AMBIENT, 2,    12
            ToCentralAmbientTwoDays,     WEST,    CENTRAL, AMBIENT, 2,    12
            UnknownLaneChilledTwoDays,   EAST,    NORTH,   CHILLED, 2,    4
            UnknownLaneChilledTwoDays,   T1ABC,   T2DEF,   CHILLED, 2,    4
            UnknownLaneFiveDays,         EAST,    NORTH,   AMBIENT, 5,    12
            UnknownLaneFiveDays,         NORTH,   SOUTH,   ,        5,    12
            """)
    void a_transfer_travels_as_long_as_the_table_says_for_its_lane_and_class(
            String rule, String from, String to, String temperatureClass, int days, int graceHours) {
        Evaluation result = TABLE.evaluate(inputs(from, to, temperatureClass));

        assertThat(result.ruleId()).isEqualTo("Rule_" + rule);
        assertThat(((Number) result.outputs().get("transitDays")).intValue()).isEqualTo(days);
        assertThat(((Number) result.outputs().get("graceHours")).intValue()).isEqualTo(graceHours);
    }

    @Test
    void every_lane_between_the_demo_warehouses_in_every_class_has_an_explicit_rule_and_cold_chains_are_chased_first() {
        for (String from : DEMO_WAREHOUSES) {
            for (String to : DEMO_WAREHOUSES) {
                if (from.equals(to)) {
                    continue;
                }
                int ambientGrace = 0;
                for (TemperatureClass c :
                        List.of(TemperatureClass.AMBIENT, TemperatureClass.CHILLED, TemperatureClass.FROZEN)) {
                    Evaluation result = TABLE.evaluate(inputs(from, to, c.name()));
                    assertThat(result.ruleId())
                            .as("%s → %s %s", from, to, c)
                            .isNotIn("Rule_UnknownLaneChilledTwoDays", "Rule_UnknownLaneFiveDays");
                    int days = ((Number) result.outputs().get("transitDays")).intValue();
                    int grace = ((Number) result.outputs().get("graceHours")).intValue();
                    assertThat(days).as("%s → %s %s days", from, to, c).isBetween(1, 5);
                    if (c == TemperatureClass.AMBIENT) {
                        ambientGrace = grace;
                    } else {
                        assertThat(grace).as("%s → %s %s grace", from, to, c).isLessThan(ambientGrace);
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

    private static Map<String, Object> inputs(String from, String to, String temperatureClass) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("fromWarehouse", from);
        inputs.put("toWarehouse", to);
        inputs.put("temperatureClass", temperatureClass);
        return inputs;
    }
}
