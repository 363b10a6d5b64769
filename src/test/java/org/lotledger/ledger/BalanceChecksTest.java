package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lotledger.ledger.GateFactsForTests.LL1;
import static org.lotledger.ledger.GateFactsForTests.LOT;
import static org.lotledger.ledger.GateFactsForTests.bucket;
import static org.lotledger.ledger.GateFactsForTests.code;
import static org.lotledger.ledger.GateFactsForTests.facts;
import static org.lotledger.ledger.GateFactsForTests.move;
import static org.lotledger.ledger.GateFactsForTests.refusal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;

/** The gate's checks of a posting's legs against the kept balances, as tables over hand-made facts. */
class BalanceChecksTest {

    private static final Actor INVENTORY = new Actor("ivy", Set.of("inventory-control"));

    private static Map<Bucket, Long> delta(Movement... movements) {
        return BalanceChecks.delta(LegDraft.of(List.of(movements), Map.of(LOT, LL1)));
    }

    @ParameterizedTest(name = "have {0}, take {1}: {2}")
    @CsvSource({
        "5.0000, 5, OK",
        "5.0000, 6, INSUFFICIENT_BALANCE",
        "0.0000, 1, INSUFFICIENT_BALANCE",
        "      , 1, INSUFFICIENT_BALANCE"
    })
    void no_balance_on_a_shelf_goes_negative(BigDecimal have, long take, String expected) {
        Map<Bucket, BigDecimal> balances = have == null ? Map.of() : Map.of(bucket("A1", StockStatus.AVAILABLE), have);
        var delta = delta(move("A1", StockStatus.AVAILABLE, "A2", StockStatus.AVAILABLE, take));
        assertThat(code(() -> BalanceChecks.noNegativeBalance(delta, facts(balances, Map.of()))))
                .isEqualTo(expected);
    }

    @Test
    void an_insufficient_balance_says_what_there_is_and_what_was_asked() {
        var delta = delta(move("A1", StockStatus.AVAILABLE, "A2", StockStatus.AVAILABLE, 6));
        DomainException e = refusal(() -> BalanceChecks.noNegativeBalance(
                delta, facts(Map.of(bucket("A1", StockStatus.AVAILABLE), new BigDecimal("5.0000")), Map.of())));
        assertThat(e.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
        assertThat(e.details())
                .containsExactly(
                        Map.entry("lot", "LL1"),
                        Map.entry("location", "A1"),
                        Map.entry("stockStatus", "AVAILABLE"),
                        Map.entry("available", "5"),
                        Map.entry("requested", 6L));
    }

    @Test
    void a_lot_with_none_in_the_status_asked_but_some_in_others_is_not_available_and_says_where_it_is() {
        var delta = delta(move("A1", StockStatus.AVAILABLE, "A2", StockStatus.AVAILABLE, 1));
        DomainException e = refusal(() -> BalanceChecks.noNegativeBalance(
                delta,
                facts(
                        Map.of(
                                bucket("A1", StockStatus.AVAILABLE), new BigDecimal("0.0000"),
                                bucket("A1", StockStatus.HOLD), new BigDecimal("300.0000"),
                                bucket("A1", StockStatus.REJECTED), new BigDecimal("0.0000"),
                                bucket("A2", StockStatus.QUARANTINE), new BigDecimal("7.0000")),
                        Map.of())));
        assertThat(e.code()).isEqualTo("LOT_NOT_AVAILABLE");
        assertThat(e.details()).containsEntry("otherStatuses", Map.of("HOLD", new BigDecimal("300")));
    }

    @Test
    void stock_may_go_negative_only_where_it_comes_from() {
        var fromSupplier = delta(move("SUP", StockStatus.QUARANTINE, "A1", StockStatus.QUARANTINE, 10));
        assertThat(code(() -> BalanceChecks.noNegativeBalance(fromSupplier, facts())))
                .isEqualTo("OK");
        var fromAdjustment = delta(move("ADJ", StockStatus.AVAILABLE, "A1", StockStatus.AVAILABLE, 10));
        assertThat(code(() -> BalanceChecks.noNegativeBalance(fromAdjustment, facts())))
                .isEqualTo("OK");
        var fromTransit = delta(move("T87", StockStatus.AVAILABLE, "A1", StockStatus.AVAILABLE, 10));
        assertThat(code(() -> BalanceChecks.noNegativeBalance(fromTransit, facts())))
                .isEqualTo("INSUFFICIENT_BALANCE");
    }

    @Test
    void the_legs_of_one_posting_on_one_bucket_are_checked_together() {
        // 5 there: taking 3 twice is 6
        var twice = delta(
                move("A1", StockStatus.AVAILABLE, "A2", StockStatus.AVAILABLE, 3),
                move("A1", StockStatus.AVAILABLE, "B1", StockStatus.AVAILABLE, 3));
        var balances = Map.of(bucket("A1", StockStatus.AVAILABLE), new BigDecimal("5.0000"));
        assertThat(code(() -> BalanceChecks.noNegativeBalance(twice, facts(balances, Map.of()))))
                .isEqualTo("INSUFFICIENT_BALANCE");
    }

    @ParameterizedTest(name = "CAP holds {0} of 10, {1} more: {2}")
    @CsvSource({
        "8.0000,  2, OK",
        "8.0000,  3, LOCATION_CAPACITY_EXCEEDED",
        "0,      10, OK",
        "0,      11, LOCATION_CAPACITY_EXCEEDED"
    })
    void a_location_with_a_capacity_takes_no_more_than_it(BigDecimal held, long incoming, String expected) {
        var delta = delta(move("A1", StockStatus.AVAILABLE, "CAP", StockStatus.AVAILABLE, incoming));
        assertThat(code(() -> BalanceChecks.capacity(delta, facts(Map.of(), Map.of("CAP", held)))))
                .isEqualTo(expected);
    }

    @Test
    void stock_changing_status_in_a_full_location_still_fits() {
        var inPlace = delta(move("CAP", StockStatus.QUARANTINE, "CAP", StockStatus.AVAILABLE, 4));
        assertThat(code(() -> BalanceChecks.capacity(inPlace, facts(Map.of(), Map.of("CAP", new BigDecimal("10"))))))
                .isEqualTo("OK");
        var noCapacity = delta(move("A1", StockStatus.AVAILABLE, "A2", StockStatus.AVAILABLE, 1_000_000));
        assertThat(code(() -> BalanceChecks.capacity(noCapacity, facts()))).isEqualTo("OK");
    }

    @Test
    void a_refused_capacity_names_the_location() {
        var delta = delta(move("A1", StockStatus.AVAILABLE, "CAP", StockStatus.AVAILABLE, 3));
        DomainException e =
                refusal(() -> BalanceChecks.capacity(delta, facts(Map.of(), Map.of("CAP", new BigDecimal("8.0000")))));
        assertThat(e.details()).isEqualTo(Map.of("location", "CAP"));
        assertThat(e.getMessage()).isEqualTo("Location CAP holds 8 of 10 base units; 3 more do not fit.");
    }

    @ParameterizedTest(name = "{0} with a balance row {1} at A1: {2}")
    @CsvSource({
        "OPENING_BALANCE, none,             OK",
        "OPENING_BALANCE, AVAILABLE 0,      OPENING_BALANCE_NOT_FIRST",
        "OPENING_BALANCE, HOLD 3,           OPENING_BALANCE_NOT_FIRST",
        "ADJUSTMENT,      AVAILABLE 3,      OK"
    })
    void an_opening_balance_is_the_first_posting_of_its_lot_at_its_location(
            PostingType type, String row, String expected) {
        Map<Bucket, BigDecimal> balances = row.equals("none")
                ? Map.of(bucket("A2", StockStatus.AVAILABLE), BigDecimal.ONE)
                : Map.of(bucket("A1", StockStatus.valueOf(row.split(" ")[0])), new BigDecimal(row.split(" ")[1]));
        PostingRequest r = PostingRequest.of(type, INVENTORY, "k")
                .reason("GO_LIVE")
                .movement(move("ADJ", StockStatus.AVAILABLE, "A1", StockStatus.AVAILABLE, 5))
                .build();
        assertThat(code(() -> BalanceChecks.openingBalanceIsFirst(r, facts(balances, Map.of()))))
                .isEqualTo(expected);
    }

    @Test
    void legs_that_do_not_conserve_a_lot_are_a_defect() {
        List<LegDraft> balanced = LegDraft.of(
                List.of(move("A1", StockStatus.AVAILABLE, "A2", StockStatus.AVAILABLE, 2)), Map.of(LOT, LL1));
        BalanceChecks.conservation(balanced);
        List<LegDraft> unbalanced = List.of(balanced.get(0));
        assertThatThrownBy(() -> BalanceChecks.conservation(unbalanced)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_posting_is_recorded_no_earlier_than_its_lots_last_posting() {
        Instant clock = Instant.parse("2026-12-01T12:00:00Z");
        Instant later = clock.plusSeconds(1);
        StockFacts f = facts();
        var behind = new StockFacts(
                Map.of(LOT, new StockFacts.Head(LOT, 4, later)),
                f.lots(),
                f.locations(),
                Map.of(),
                Map.of(),
                Map.of(),
                clock,
                null);
        assertThat(behind.recordedAt()).isEqualTo(later);
        assertThat(f.recordedAt()).isEqualTo(clock);
    }
}
