package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.StockFacts.LocationFacts;
import org.lotledger.ledger.StockFacts.LotFacts;

/** The ledger's limits as a table: each boundary and its code, without a database. */
class LedgerLimitsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final LotFacts LOT = new LotFacts(1, "LL1", 1, "AMBIENT", "EA", new BigDecimal("100"), "USD");

    private static String code(Runnable r) {
        try {
            r.run();
            return "OK";
        } catch (DomainException e) {
            return e.code();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1, OK",
        "1000000000000, OK", // the ceiling, worth 1e14 at 100 USD: exactly the value limit
        "1000000000001, QUANTITY_TOO_LARGE"
    })
    void one_movement_moves_at_most_a_trillion_units_worth_at_most_1e14(long quantity, String expected) {
        assertThat(code(() -> LedgerLimits.checkSize(
                        new Movement(1, 1, StockStatus.AVAILABLE, 2, StockStatus.AVAILABLE, quantity), LOT)))
                .isEqualTo(expected);
    }

    @Test
    void a_cheaper_quantity_is_limited_by_its_value() {
        LotFacts dear = new LotFacts(1, "LL1", 1, "AMBIENT", "EA", new BigDecimal("1000000"), "USD");
        assertThat(code(() -> LedgerLimits.checkSize(
                        new Movement(1, 1, StockStatus.AVAILABLE, 2, StockStatus.AVAILABLE, 100_000_001L), dear)))
                .isEqualTo("QUANTITY_TOO_LARGE");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-12-01T12:05:00Z, OK", // the clock skew allowed
        "2026-12-01T12:05:00.001Z, OCCURRED_IN_FUTURE",
        "2000-01-01T00:00:00Z, OK",
        "1999-12-31T23:59:59.999Z, OCCURRED_BEFORE_GO_LIVE",
        "+999999999-12-31T23:59:59Z, OCCURRED_IN_FUTURE",
        "-999999999-01-01T00:00:00Z, OCCURRED_BEFORE_GO_LIVE"
    })
    void occurred_at_lies_between_2000_and_five_minutes_from_now(String at, String expected) {
        assertThat(code(() -> LedgerLimits.checkOccurredAt(Instant.parse(at), NOW)))
                .isEqualTo(expected);
    }

    @Test
    void no_occurred_at_means_now_and_passes() {
        assertThatCode(() -> LedgerLimits.checkOccurredAt(null, NOW)).doesNotThrowAnyException();
    }

    @Test
    void a_posting_may_not_say_it_happened_before_its_warehouse_went_live() {
        LocationFacts bin = new LocationFacts(
                10,
                "EAST-A1",
                LocationKind.PHYSICAL,
                true,
                7L,
                null,
                Set.of(StockStatus.AVAILABLE),
                Set.of("AMBIENT"),
                null);
        Map<Long, LocalDate> goLive = Map.of(7L, LocalDate.of(2026, 6, 1));
        assertThatThrownBy(
                        () -> LedgerLimits.checkGoLive(Instant.parse("2026-05-30T12:00:00Z"), goLive, Map.of(10L, bin)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("OCCURRED_BEFORE_GO_LIVE"));
        assertThatCode(() -> LedgerLimits.checkGoLive(Instant.parse("2026-06-01T00:00:00Z"), goLive, Map.of(10L, bin)))
                .doesNotThrowAnyException();
        assertThatCode(() ->
                        LedgerLimits.checkGoLive(Instant.parse("2020-01-01T00:00:00Z"), Map.of(), Map.of(10L, bin)))
                .doesNotThrowAnyException();
    }
}
