package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.ledger.GateFactsForTests.LL1;
import static org.lotledger.ledger.GateFactsForTests.LOT;
import static org.lotledger.ledger.GateFactsForTests.bucket;
import static org.lotledger.ledger.GateFactsForTests.code;
import static org.lotledger.ledger.GateFactsForTests.facts;
import static org.lotledger.ledger.GateFactsForTests.id;
import static org.lotledger.ledger.GateFactsForTests.move;
import static org.lotledger.ledger.GateFactsForTests.refusal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;

/**
 * The gate's checks against pending reservations (ADR 0011), as tables over hand-made facts: lot LL1 has 10 AVAILABLE
 * at A1 and 10 at A2; reservation 1 holds 4 and reservation 2 holds 3 of A1's, reservation 3 was POSTED already.
 */
class ReservationChecksTest {

    private static final Actor WAREHOUSE = new Actor("walt", Set.of("warehouse"));

    private static Reservation reservation(long id, String at, long quantity, Reservation.State state) {
        return new Reservation(
                id,
                new Reservation.Demand("SALES_ORDER", "SO-" + id, "1"),
                LOT,
                id(at),
                quantity,
                state,
                "ALLOC-050",
                "otto",
                Instant.EPOCH,
                state == Reservation.State.POSTED ? 99L : null,
                state == Reservation.State.POSTED ? quantity : null,
                null);
    }

    private static StockFacts reservedFacts() {
        StockFacts plain = facts(
                Map.of(
                        bucket("A1", StockStatus.AVAILABLE), new BigDecimal("10.0000"),
                        bucket("A2", StockStatus.AVAILABLE), new BigDecimal("10.0000")),
                Map.of());
        Map<Long, Reservation> reservations = new HashMap<>();
        reservations.put(1L, reservation(1, "A1", 4, Reservation.State.PENDING));
        reservations.put(2L, reservation(2, "A1", 3, Reservation.State.PENDING));
        reservations.put(3L, reservation(3, "A1", 2, Reservation.State.POSTED));
        return new StockFacts(
                plain.heads(),
                plain.lots(),
                plain.locations(),
                plain.goLiveDates(),
                plain.balances(),
                plain.heldAt(),
                plain.clock(),
                null,
                reservations);
    }

    /** Checks a posting of {@code movement} naming reservations as "c<id>:<qty>" (consumes) or "v<id>" (voids). */
    private static String check(Movement movement, String named) {
        var b = PostingRequest.of(
                        movement.toStatus() == movement.fromStatus() ? PostingType.PICK : PostingType.STATUS_CHANGE,
                        WAREHOUSE,
                        "k")
                .movement(movement);
        for (String n : named == null ? new String[0] : named.split(" ")) {
            if (n.startsWith("c")) {
                String[] p = n.substring(1).split(":");
                b.consumes(Long.parseLong(p[0]), Long.parseLong(p[1]));
            } else {
                b.voids(Long.parseLong(n.substring(1)), VoidReason.HOLD);
            }
        }
        PostingRequest r = b.build();
        StockFacts facts = reservedFacts();
        var delta = BalanceChecks.delta(LegDraft.of(r.movements(), Map.of(LOT, LL1)));
        return code(() -> {
            ReservationChecks.named(r, delta, facts);
            ReservationChecks.reserved(r, delta, facts);
        });
    }

    @ParameterizedTest(name = "take {0} from A1 naming [{1}]: {2}")
    @CsvSource({
        // 10 AVAILABLE, 7 pending: 3 are free
        "3,         , OK",
        "4,         , STOCK_RESERVED",
        "10,        , STOCK_RESERVED",
        // consuming a reservation frees all of it (a rest is released)
        "7,  c1:4   , OK",
        "8,  c1:4   , STOCK_RESERVED",
        "7,  c1:3   , OK",
        "10, c1:4 c2:3, OK",
        "6,  c2:3   , OK",
        // voiding frees it too
        "7,  v1     , OK",
        "10, v1 v2  , OK",
        "10, c1:4 v2, OK",
        // what a reservation allows
        "4,  c1:5   , INVALID_RESERVATION_QUANTITY",
        "4,  c1:0   , INVALID_RESERVATION_QUANTITY",
        "3,  c1:4   , RESERVATION_NOT_TAKEN",
        "4,  c3:2   , RESERVATION_NOT_PENDING",
        "4,  v3     , RESERVATION_NOT_PENDING",
        "4,  c9:1   , UNKNOWN_RESERVATION",
        "4,  c1:4 v1, RESERVATION_NAMED_TWICE",
        "4,  c1:2 c1:2, RESERVATION_NAMED_TWICE"
    })
    void a_posting_leaves_at_least_what_stays_reserved(long take, String named, String expected) {
        assertThat(check(move("A1", StockStatus.AVAILABLE, "A2", StockStatus.AVAILABLE, take), named))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        // a status change in place lowers AVAILABLE like a move does
        "A1 AVAILABLE to HOLD 10 voiding both,  v1 v2, OK",
        "A1 AVAILABLE to HOLD 10 voiding one,   v1,    STOCK_RESERVED",
        "A1 AVAILABLE to HOLD 3,                ,      OK",
        // nothing is reserved at A2, and stock arriving at A1 never conflicts
        "A2 AVAILABLE to HOLD 10,               ,      OK"
    })
    void a_status_change_voids_what_it_moves_away(String what, String named, String expected) {
        String[] w = what.split(" ");
        Movement m = move(w[0], StockStatus.AVAILABLE, w[0], StockStatus.HOLD, Long.parseLong(w[4]));
        assertThat(check(m, named)).isEqualTo(expected);
    }

    @Test
    void a_consumption_counts_only_where_the_posting_takes_the_reserved_stock() {
        // taking from A2 does not consume what is reserved at A1
        assertThat(check(move("A2", StockStatus.AVAILABLE, "A1", StockStatus.AVAILABLE, 4), "c1:4"))
                .isEqualTo("RESERVATION_NOT_TAKEN");
    }

    @Test
    void stock_reserved_names_the_reservations_left_pending() {
        PostingRequest r = PostingRequest.of(PostingType.PICK, WAREHOUSE, "k")
                .movement(move("A1", StockStatus.AVAILABLE, "A2", StockStatus.AVAILABLE, 8))
                .consumes(1, 4)
                .build();
        StockFacts facts = reservedFacts();
        var delta = BalanceChecks.delta(LegDraft.of(r.movements(), Map.of(LOT, LL1)));
        DomainException e = refusal(() -> ReservationChecks.reserved(r, delta, facts));
        assertThat(e.code()).isEqualTo("STOCK_RESERVED");
        assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(e.details())
                .containsEntry("lot", "LL1")
                .containsEntry("location", "A1")
                .containsEntry("availableAfter", "2")
                .containsEntry("reserved", 3L);
        assertThat(e.details().get("reservations"))
                .isEqualTo(List.of(Map.of(
                        "id", 2L,
                        "demandType", "SALES_ORDER",
                        "demandReference", "SO-2",
                        "demandLine", "1",
                        "quantity", 3L)));
    }

    @Test
    void a_reservation_of_a_lot_the_posting_does_not_move_is_refused() {
        Reservation other = new Reservation(
                7,
                new Reservation.Demand("SALES_ORDER", "SO-7", "1"),
                LOT + 1,
                id("A1"),
                2,
                Reservation.State.PENDING,
                null,
                "otto",
                Instant.EPOCH,
                null,
                null,
                null);
        StockFacts base = reservedFacts();
        Map<Long, Reservation> all = new HashMap<>(base.reservations());
        all.put(7L, other);
        StockFacts facts = new StockFacts(
                base.heads(),
                base.lots(),
                base.locations(),
                base.goLiveDates(),
                base.balances(),
                base.heldAt(),
                base.clock(),
                null,
                all);
        PostingRequest r = PostingRequest.of(PostingType.PICK, WAREHOUSE, "k")
                .movement(move("A1", StockStatus.AVAILABLE, "A2", StockStatus.AVAILABLE, 2))
                .voids(7, VoidReason.OVERRIDE)
                .build();
        var delta = BalanceChecks.delta(LegDraft.of(r.movements(), Map.of(LOT, LL1)));
        assertThat(code(() -> ReservationChecks.named(r, delta, facts))).isEqualTo("RESERVATION_NOT_IN_POSTING");
    }
}
