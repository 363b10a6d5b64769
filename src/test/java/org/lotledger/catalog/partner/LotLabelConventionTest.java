package org.lotledger.catalog.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.common.DomainException;

class LotLabelConventionTest {

    @ParameterizedTest(name = "{0} normalises {2} to {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "LOT-(?<lot>\\d{5})                 | LOT-12345  | LOT-54321      | 54321",
                "(?<lot>\\d{5}[A-Z])                | 12345A     | 67890B         | 67890B",
                "(?<lot>B\\d{4}-\\d{3})             | B2026-001  | '  B2027-014 ' | B2027-014",
                "\\(10\\)(?<lot>[A-Z0-9]{1,20})     | (10)ABC123 | (10)XYZ9       | XYZ9",
                "(?i)lot[ :-]?(?<lot>[a-z]{2}\\d{4}) | lot:ab1234 | LOT CD5678     | CD5678",
                "(?:L/)?(?<lot>\\d{5})              | L/12345    | 12345          | 12345"
            })
    void a_scanned_label_is_normalised_to_the_lot_group(String pattern, String example, String scanned, String lot) {
        LotLabelConvention c = LotLabelConvention.of(pattern.trim(), example.trim());
        assertThat(c.normalise(scanned)).isEqualTo(lot);
    }

    @Test
    void a_label_that_does_not_follow_the_convention_is_refused_with_the_example() {
        LotLabelConvention c = LotLabelConvention.of("LOT-(?<lot>\\d{5})", "LOT-12345");
        assertThat(c.lotNumberIn("12345")).isEmpty();
        assertThatThrownBy(() -> c.normalise("LOT-1234"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("LOT-12345")
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("LOT_LABEL_NOT_RECOGNISED");
    }

    @ParameterizedTest(name = "{1} {0} gives {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "L/12345    | LABEL | 12345",
                "L/12345    | FIELD | 12345",
                "' 12345 '  | LABEL | 12345",
                "AB-778     | FIELD | AB-778",
                "' AB-778 ' | FIELD | AB-778",
                "AB-778     | LABEL | LOT_LABEL_NOT_RECOGNISED",
                "'  '       | FIELD | LOT_LABEL_NOT_RECOGNISED"
            })
    void a_printed_label_must_follow_the_convention_and_a_lot_field_is_taken_as_it_is_when_it_does_not(
            String text, LotText source, String expected) {
        Optional<LotLabelConvention> c = Optional.of(LotLabelConvention.of("(?:L/)?(?<lot>\\d{5})", "L/12345"));
        String got;
        try {
            got = LotLabelConvention.lotNumber(c, text, source);
        } catch (DomainException e) {
            got = e.code();
        }
        assertThat(got).isEqualTo(expected);
        if (!expected.equals("LOT_LABEL_NOT_RECOGNISED")) {
            assertThat(LotLabelConvention.lotNumber(Optional.empty(), text, source))
                    .as("no convention: the text")
                    .isEqualTo(text.strip());
        }
    }

    @Test
    void a_pattern_must_compile_have_a_lot_group_and_match_its_example() {
        assertThat(code("LOT-(?<lot>\\d{5}", "LOT-12345")).isEqualTo("INVALID_LOT_LABEL_CONVENTION");
        assertThat(code("LOT-(\\d{5})", "LOT-12345")).isEqualTo("INVALID_LOT_LABEL_CONVENTION");
        assertThat(code("LOT-(?<lot>\\d{5})", "LOT-1234")).isEqualTo("INVALID_LOT_LABEL_CONVENTION");
        assertThat(code("LOT-(?<lot>\\d{5})", null)).isEqualTo("INVALID_LOT_LABEL_CONVENTION");
    }

    private static String code(String pattern, String example) {
        try {
            LotLabelConvention.of(pattern, example);
        } catch (DomainException e) {
            return e.code();
        }
        return "accepted";
    }
}
