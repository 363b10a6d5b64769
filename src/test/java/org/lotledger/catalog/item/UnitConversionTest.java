package org.lotledger.catalog.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lotledger.common.DomainException;

class UnitConversionTest {

    private static final List<UnitDefinition> BOX_AND_CASE = List.of(
            new UnitDefinition("BOX", new BigDecimal("10"), "EA"),
            new UnitDefinition("CASE", new BigDecimal("12"), "BOX"));

    private final Map<String, Integer> units = UomConversions.resolve("EA", BOX_AND_CASE);
    private final UnitConversion conversion =
            new UnitConversion(id -> id == 7L ? Optional.of(units) : Optional.empty());

    @Test
    void conversions_given_relative_to_each_other_become_whole_multiples_of_the_base_unit() {
        assertThat(units).containsExactly(Map.entry("EA", 1), Map.entry("BOX", 10), Map.entry("CASE", 120));
    }

    @Test
    void a_case_of_twelve_boxes_of_ten_is_120_each() {
        assertThat(conversion.toBaseUnits(7L, BigDecimal.ONE, "CASE")).isEqualTo(120);
        assertThat(conversion.toBaseUnits(7L, new BigDecimal("2.5"), "box")).isEqualTo(25);
        assertThat(conversion.toBaseUnits(7L, new BigDecimal("3.000"), "EA")).isEqualTo(3);
    }

    @Test
    void a_quantity_that_is_not_a_whole_number_of_base_units_is_not_convertible() {
        assertThat(code(() -> conversion.toBaseUnits(7L, new BigDecimal("1.5"), "EA")))
                .isEqualTo("UOM_NOT_CONVERTIBLE");
        assertThat(code(() -> conversion.toBaseUnits(7L, new BigDecimal("0.05"), "BOX")))
                .isEqualTo("UOM_NOT_CONVERTIBLE");
    }

    @Test
    void a_unit_the_item_does_not_have_is_not_convertible() {
        assertThat(code(() -> conversion.toBaseUnits(7L, BigDecimal.ONE, "PALLET")))
                .isEqualTo("UOM_NOT_CONVERTIBLE");
    }

    @Test
    void zero_or_negative_quantities_are_invalid() {
        assertThat(code(() -> conversion.toBaseUnits(7L, BigDecimal.ZERO, "EA")))
                .isEqualTo("INVALID_QUANTITY");
        assertThat(code(() -> conversion.toBaseUnits(7L, new BigDecimal("-1"), "CASE")))
                .isEqualTo("INVALID_QUANTITY");
        assertThat(code(() -> conversion.toBaseUnits(7L, null, "CASE"))).isEqualTo("INVALID_QUANTITY");
    }

    @Test
    void an_unknown_item_is_reported_as_such() {
        assertThat(code(() -> conversion.toBaseUnits(8L, BigDecimal.ONE, "EA"))).isEqualTo("UNKNOWN_ITEM");
    }

    @Test
    void unit_definitions_must_be_whole_acyclic_and_reach_the_base_unit() {
        assertThat(code(() ->
                        UomConversions.resolve("EA", List.of(new UnitDefinition("BOX", new BigDecimal("2.5"), "EA")))))
                .isEqualTo("INVALID_UOM_CONVERSION");
        assertThat(code(() -> UomConversions.resolve(
                        "EA",
                        List.of(
                                new UnitDefinition("BOX", BigDecimal.TEN, "CASE"),
                                new UnitDefinition("CASE", BigDecimal.TEN, "BOX")))))
                .isEqualTo("INVALID_UOM_CONVERSION");
        assertThat(code(() -> UomConversions.resolve("EA", List.of(new UnitDefinition("BOX", BigDecimal.TEN, "KG")))))
                .isEqualTo("INVALID_UOM_CONVERSION");
        assertThat(code(() -> UomConversions.resolve("EA", List.of(new UnitDefinition("EA", BigDecimal.TEN, "EA")))))
                .isEqualTo("INVALID_UOM_CONVERSION");
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("expected a DomainException");
    }

    @Test
    void the_helper_itself_fails_when_nothing_is_thrown() {
        assertThatThrownBy(() -> code(() -> {})).isInstanceOf(AssertionError.class);
    }
}
