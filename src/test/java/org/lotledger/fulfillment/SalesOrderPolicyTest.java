package org.lotledger.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.common.DomainException;

/** The checks of a sales order that need no database, as tables (plain JUnit, fixed clock). */
class SalesOrderPolicyTest {

    // 2026-06-15T02:00Z: already the 15th in Berlin, still the 14th in Chicago
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T02:00:00Z"), ZoneId.of("UTC"));
    final SalesOrderPolicy policy = new SalesOrderPolicy(CLOCK);

    @ParameterizedTest(name = "{0} in {1}: accepted {2}")
    @CsvSource({
        "2026-06-15, Europe/Berlin, true",
        "2026-06-14, Europe/Berlin, true",
        "2026-06-13, Europe/Berlin, false",
        "2027-06-15, Europe/Berlin, true",
        "2027-06-16, Europe/Berlin, false",
        "2026-06-13, America/Chicago, true",
        "2026-06-12, America/Chicago, false",
        "2027-06-14, America/Chicago, true",
        "2027-06-15, America/Chicago, false",
    })
    void the_requested_ship_date_lies_between_the_warehouses_yesterday_and_a_year_ahead(
            LocalDate date, String zone, boolean accepted) {
        if (accepted) {
            assertThatCode(() -> policy.checkRequestedShipDate(date, ZoneId.of(zone)))
                    .doesNotThrowAnyException();
        } else {
            DomainException e = catchThrowableOfType(
                    DomainException.class, () -> policy.checkRequestedShipDate(date, ZoneId.of(zone)));
            assertThat(e.code()).isEqualTo("REQUESTED_SHIP_DATE_OUT_OF_RANGE");
            assertThat(e.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
        }
    }

    @ParameterizedTest(name = "sku {0}, gtin {1}, uom {2} → {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "GLV-NIT-M, null, EA, ok",
                "null, 00614141000012, null, ok",
                "null, 00614141000012, BOX, ok",
                "GLV-NIT-M, null, null, UOM_REQUIRED",
                "GLV-NIT-M, null, ' ', UOM_REQUIRED",
                "GLV-NIT-M, 00614141000012, EA, ITEM_REFERENCE_REQUIRED",
                "null, null, EA, ITEM_REFERENCE_REQUIRED",
                "' ', ' ', EA, ITEM_REFERENCE_REQUIRED",
            })
    void a_line_names_its_item_by_exactly_one_of_sku_and_gtin(String sku, String gtin, String uom, String code) {
        if (code.equals("ok")) {
            assertThatCode(() -> SalesOrderPolicy.checkItemReference(1, sku, gtin, uom))
                    .doesNotThrowAnyException();
        } else {
            DomainException e = catchThrowableOfType(
                    DomainException.class, () -> SalesOrderPolicy.checkItemReference(1, sku, gtin, uom));
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.details()).containsEntry("line", 1);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"usd, USD", "EUR, EUR", "XXQ, INVALID_CURRENCY", "ABC, INVALID_CURRENCY"})
    void a_currency_is_an_iso_4217_code(String code, String expected) {
        if (expected.equals("INVALID_CURRENCY")) {
            DomainException e = catchThrowableOfType(DomainException.class, () -> SalesOrderPolicy.currency(2, code));
            assertThat(e.code()).isEqualTo(expected);
        } else {
            assertThat(SalesOrderPolicy.currency(2, code)).isEqualTo(expected);
        }
    }
}
