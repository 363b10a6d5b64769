package org.lotledger.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.decisions.DecisionTableUnderTest.Evaluation;

/** {@code dmn/putaway-zone.dmn}: every rule; the catch-all only catches what the catalog does not know. */
class PutawayZoneDecisionTest {

    private static final DecisionTableUnderTest TABLE = DecisionTableUnderTest.load("putaway-zone.dmn", "putawayZone");

    /** The demo catalog's item families (DemoCatalogLoader). */
    private static final List<String> FAMILIES =
            List.of("Vaccines", "Insulin", "IV solutions", "Syringes", "Gloves", "Wound care", "Diagnostics", "PPE");

    @ParameterizedTest(name = "{1} {2} {3} -> {0}")
    @CsvSource(textBlock = """
            # rule,                             status,     temp,            family,       zone
            RejectedStockToRejectArea,           REJECTED,   FROZEN,          Vaccines,     REJ
            RejectedStockToRejectArea,           REJECTED,   AMBIENT,         Gloves,       REJ
            HeldOrQuarantinedStockToQuarantine,  HOLD,       CHILLED,         Insulin,      QUAR
            HeldOrQuarantinedStockToQuarantine,  QUARANTINE, AMBIENT,         PPE,          QUAR
            FastMovingConsumablesToPickFace,     AVAILABLE,  AMBIENT,         Gloves,       PICK
            FastMovingConsumablesToPickFace,     AVAILABLE,  AMBIENT,         PPE,          PICK
            FrozenStockToFrozenStorage,          AVAILABLE,  FROZEN,          Vaccines,     FRZ
            ChilledStockToChilledStorage,        AVAILABLE,  CHILLED,         Insulin,      CHL
            ChilledStockToChilledStorage,        AVAILABLE,  CHILLED,         Diagnostics,  CHL
            AmbientStockToAmbientStorage,        AVAILABLE,  AMBIENT,         IV solutions, AMB
            AmbientStockToAmbientStorage,        AVAILABLE,  AMBIENT,         Syringes,     AMB
            AmbientStockToAmbientStorage,        AVAILABLE,  AMBIENT,         Diagnostics,  AMB
            UnknownCombinationToQuarantine,      AVAILABLE,  CONTROLLED_ROOM, Gloves,       QUAR
            UnknownCombinationToQuarantine,      ALLOCATED,  AMBIENT,         Gloves,       QUAR
            UnknownCombinationToQuarantine,      ,           AMBIENT,         Gloves,       QUAR
            """)
    void stock_is_directed_to_the_zone_for_its_status_and_temperature(
            String rule, String stockStatus, String temperatureClass, String itemFamily, String zoneCode) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("stockStatus", stockStatus);
        inputs.put("temperatureClass", temperatureClass);
        inputs.put("itemFamily", itemFamily);

        Evaluation result = TABLE.evaluate(inputs);

        assertThat(result.ruleId()).isEqualTo("Rule_" + rule);
        assertThat(result.outputs()).containsEntry("zoneCode", zoneCode);
        assertThat((String) result.outputs().get("reason")).isNotBlank();
    }

    @Test
    void every_status_temperature_and_family_the_catalog_knows_has_an_explicit_rule() {
        for (String status : List.of("QUARANTINE", "AVAILABLE", "HOLD", "REJECTED")) {
            for (String temp : List.of("AMBIENT", "CHILLED", "FROZEN")) {
                for (String family : FAMILIES) {
                    Evaluation result = TABLE.evaluate(
                            Map.of("stockStatus", status, "temperatureClass", temp, "itemFamily", family));
                    assertThat(result.ruleId())
                            .as("%s %s %s", status, temp, family)
                            .isNotEqualTo("Rule_UnknownCombinationToQuarantine");
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
