package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.catalog.item.TemperatureClass;
import org.lotledger.common.DomainException;

/** {@link TransferPolicy} as tables, on a fixed clock: 2026-12-02T03:00Z is still 1 December in Chicago. */
class TransferPolicyTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneId.of("UTC"));
    static final TransferPolicy POLICY = new TransferPolicy(CLOCK);

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(textBlock = """
            2026-11-30, America/Chicago, true
            2026-11-29, America/Chicago, false
            2026-12-01, UTC,             true
            2026-11-30, UTC,             false
            2027-12-01, America/Chicago, true
            2027-12-02, America/Chicago, false
            2027-12-02, UTC,             true
            """)
    void the_ship_date_lies_between_the_origins_yesterday_and_a_year_ahead(String date, String zone, boolean ok) {
        var check = assertThatCode(() -> POLICY.checkShipDate(LocalDate.parse(date), ZoneId.of(zone)));
        if (ok) {
            check.doesNotThrowAnyException();
        } else {
            check.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "SHIP_DATE_OUT_OF_RANGE");
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            AMBIENT,                 AMBIENT
            CHILLED CHILLED,         CHILLED
            FROZEN FROZEN FROZEN,    FROZEN
            NONE AMBIENT,            AMBIENT
            AMBIENT CHILLED,         TEMPERATURE_CLASS_MIXED
            CHILLED FROZEN,          TEMPERATURE_CLASS_MIXED
            NONE CHILLED,            TEMPERATURE_CLASS_MIXED
            """)
    void a_transfer_travels_in_one_temperature_class(String lines, String expected) {
        Map<Integer, TemperatureClass> byLine = new LinkedHashMap<>();
        int n = 1;
        for (String c : lines.split(" ")) {
            byLine.put(n++, c.equals("NONE") ? null : TemperatureClass.valueOf(c));
        }
        if (expected.equals("TEMPERATURE_CLASS_MIXED")) {
            assertThatThrownBy(() -> TransferPolicy.singleTemperatureClass(byLine))
                    .isInstanceOf(DomainException.class)
                    .hasFieldOrPropertyWithValue("code", expected);
        } else {
            assertThat(TransferPolicy.singleTemperatureClass(byLine)).isEqualTo(TemperatureClass.valueOf(expected));
        }
    }

    @ParameterizedTest(name = "{0} logger [{1}] -> {2}")
    @CsvSource(textBlock = """
            AMBIENT, ,          true
            AMBIENT, LOG-1,     true
            CHILLED, LOG-1,     true
            CHILLED, ,          false
            FROZEN,  LOG-9,     true
            FROZEN,  ' ',       false
            """)
    void a_cold_chain_leaves_only_with_its_logger(TemperatureClass c, String logger, boolean ok) {
        var check = assertThatCode(() -> TransferPolicy.requireColdChainLogger(c, logger));
        if (ok) {
            check.doesNotThrowAnyException();
        } else {
            check.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "COLD_CHAIN_LOGGER_REQUIRED");
        }
    }

    @Test
    void a_transfer_goes_to_another_warehouse() {
        assertThatThrownBy(() -> TransferPolicy.checkWarehouses("EAST", " east "))
                .isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("code", "SAME_WAREHOUSE");
        assertThatCode(() -> TransferPolicy.checkWarehouses("EAST", "WEST")).doesNotThrowAnyException();
    }
}
