package org.lotledger.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.common.DomainException;

class ScannedOrTypedTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    static final String GTIN = "09506000134352";
    static final String SCAN = "(01)" + GTIN + "(11)260101(15)260501(17)260601(10)ABC123";

    @ParameterizedTest(name = "scanned {0}, typed {1} → {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                // scanned, typed, agreed (SCAN_MISMATCH: the two differ)
                GTIN + ", null, " + GTIN,
                GTIN + ", " + GTIN + ", " + GTIN,
                GTIN + ", '  " + GTIN + " ', " + GTIN,
                GTIN + ", '   ', " + GTIN,
                GTIN + ", 19506000134359, SCAN_MISMATCH",
                "null, 19506000134359, 19506000134359",
                "null, '  ', null",
                "null, null, null"
            })
    void a_typed_gtin_agrees_with_the_scanned_one_or_stands_alone(String scanned, String typed, String agreed) {
        ScannedOrTyped in = ScannedOrTyped.read(scanned == null ? null : "(01)" + scanned, CLOCK);
        assertThat(outcome(() -> in.gtin(typed))).isEqualTo(String.valueOf(agreed));
    }

    @ParameterizedTest(name = "count {0}, typed {1} → {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "12, null, 12",
                "12, 12.000, 12.000",
                "12, 11, SCAN_MISMATCH",
                "null, 5, 5",
                "null, null, QUANTITY_REQUIRED"
            })
    void a_typed_quantity_agrees_with_the_scanned_count(Integer count, BigDecimal typed, String agreed) {
        ScannedOrTyped in =
                ScannedOrTyped.read(count == null ? null : "(00)106141411234567897(02)" + GTIN + "(37)" + count, CLOCK);
        assertThat(outcome(() -> in.quantity(typed).toPlainString())).isEqualTo(agreed);
    }

    @ParameterizedTest(name = "{0} typed {1} → {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "expiresOn, 2026-06-01, 2026-06-01",
                "expiresOn, 2026-06-02, SCAN_MISMATCH",
                "expiresOn, null, 2026-06-01",
                "bestBeforeOn, 2026-05-01, 2026-05-01",
                "bestBeforeOn, 2026-04-30, SCAN_MISMATCH",
                "manufacturedOn, 2026-01-01, 2026-01-01",
                "manufacturedOn, 2026-01-02, SCAN_MISMATCH"
            })
    void a_typed_date_agrees_with_the_scanned_one(String field, LocalDate typed, String agreed) {
        ScannedOrTyped in = ScannedOrTyped.read(SCAN, CLOCK);
        assertThat(outcome(() -> String.valueOf(
                        switch (field) {
                            case "expiresOn" -> in.expiry(typed);
                            case "bestBeforeOn" -> in.bestBefore(typed);
                            default -> in.produced(typed);
                        })))
                .isEqualTo(agreed);
    }

    @Test
    void without_a_scan_the_typed_fields_stand_and_the_lot_is_a_typed_label() {
        ScannedOrTyped in = ScannedOrTyped.read(null, CLOCK);
        assertThat(in.scanned()).isNull();
        assertThat(in.lotScanned()).isFalse();
        assertThat(in.lot(" LOT-1 ")).isEqualTo("LOT-1");
        assertThat(in.expiry(LocalDate.of(2026, 6, 1))).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(in.sscc("1 0614141 123456789 7"))
                .as("validating it is the caller's")
                .isEqualTo("1 0614141 123456789 7");
    }

    @Test
    void a_scanned_lot_is_a_lot_field_and_a_typed_one_must_agree() {
        ScannedOrTyped in = ScannedOrTyped.read(SCAN, CLOCK);
        assertThat(in.lotScanned()).isTrue();
        assertThat(in.lot(null)).isEqualTo("ABC123");
        assertThat(in.lot("ABC123")).isEqualTo("ABC123");
        assertThatThrownBy(() -> in.lot("ABC124"))
                .isInstanceOf(DomainException.class)
                .hasMessage("The scanned lotNumber (ABC123) differs from the typed one (ABC124)");
        assertThat(in.scanned()).isEqualTo(SCAN);
    }

    @Test
    void an_unreadable_scan_is_refused_with_every_error() {
        assertThatThrownBy(() -> ScannedOrTyped.read("(01)09506000134353", CLOCK))
                .isInstanceOf(Gs1ParseException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("INVALID_GS1_BARCODE");
    }

    private static String outcome(java.util.function.Supplier<String> agreement) {
        try {
            return String.valueOf(agreement.get());
        } catch (DomainException e) {
            return e.code();
        }
    }
}
