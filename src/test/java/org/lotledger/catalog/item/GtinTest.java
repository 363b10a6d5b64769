package org.lotledger.catalog.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotledger.common.DomainException;

class GtinTest {

    @ParameterizedTest(name = "{0} is stored as {1}")
    @CsvSource({
        // GTIN-13 printed on many EAN barcodes (GS1's own example)
        "4006381333931, 04006381333931",
        // GTIN-12 (UPC-A) from GS1 US documentation
        "036000291452, 00036000291452",
        // GTIN-8 (EAN-8)
        "96385074, 00000096385074",
        // GTIN-14 of a case, GS1 General Specifications example
        "10614141000415, 10614141000415",
        "00614141000418, 00614141000418"
    })
    void valid_gtins_of_every_length_are_left_padded_to_14_digits(String printed, String stored) {
        assertThat(Gtin.parse(printed).value()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333932", "036000291453", "96385075", "10614141000416"})
    void a_gtin_with_a_bad_check_digit_is_refused(String text) {
        assertThatThrownBy(() -> Gtin.parse(text))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("INVALID_GTIN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "4006381333", "40063813339311A", "400638133393100"})
    void a_gtin_of_the_wrong_length_or_with_letters_is_refused(String text) {
        assertThatThrownBy(() -> Gtin.parse(text))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("not a valid GTIN");
    }

    @Test
    void the_check_digit_is_gs1_mod_10_counted_from_the_right() {
        assertThat(Gtin.checkDigit("400638133393")).isEqualTo(1);
        assertThat(Gtin.checkDigit("1061414100041")).isEqualTo(5);
    }
}
