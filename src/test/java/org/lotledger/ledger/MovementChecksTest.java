package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.ledger.GateFactsForTests.LL1;
import static org.lotledger.ledger.GateFactsForTests.LOCATIONS;
import static org.lotledger.ledger.GateFactsForTests.at;
import static org.lotledger.ledger.GateFactsForTests.code;
import static org.lotledger.ledger.GateFactsForTests.facts;
import static org.lotledger.ledger.GateFactsForTests.move;
import static org.lotledger.ledger.GateFactsForTests.refusal;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;

/** The gate's checks of one movement as tables over hand-made facts: each boundary on both sides, with its code. */
class MovementChecksTest {

    private static final Actor WAREHOUSE = new Actor("walt", Set.of("warehouse"));

    @ParameterizedTest
    @CsvSource({"1, OK", "0, INVALID_QUANTITY", "-1, INVALID_QUANTITY"})
    void a_movement_moves_a_positive_quantity(long quantity, String expected) {
        assertThat(code(() -> MovementChecks.quantityIsPositive(
                        move("A1", StockStatus.AVAILABLE, "A2", StockStatus.AVAILABLE, quantity))))
                .isEqualTo(expected);
    }

    @Test
    void an_unknown_lot_or_location_is_not_found() {
        Movement unknownLot = new Movement(999, 1, StockStatus.AVAILABLE, 2, StockStatus.AVAILABLE, 1);
        DomainException lot = refusal(() -> MovementChecks.knownLot(unknownLot, Map.of(GateFactsForTests.LOT, LL1)));
        assertThat(lot.code()).isEqualTo("UNKNOWN_LOT");
        assertThat(lot.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(lot.details()).containsEntry("lotId", 999L);
        DomainException location = refusal(() -> MovementChecks.knownLocation(LOCATIONS, 999));
        assertThat(location.code()).isEqualTo("UNKNOWN_LOCATION");
        assertThat(location.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(code(() -> MovementChecks.knownLocation(LOCATIONS, 1))).isEqualTo("OK");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}: {3}")
    @CsvSource({
        "MOVE,         A1,  A2,  OK",
        "MOVE,         A1,  CUS, LOCATION_KIND_NOT_ALLOWED",
        "MOVE,         SUP, A1,  LOCATION_KIND_NOT_ALLOWED",
        "RECEIPT,      SUP, A1,  OK",
        "RECEIPT,      A2,  A1,  LOCATION_KIND_NOT_ALLOWED",
        "SHIPMENT,     A1,  CUS, OK",
        "TRANSFER_OUT, A1,  T78, OK",
        "TRANSFER_OUT, A1,  B1,  LOCATION_KIND_NOT_ALLOWED",
        "SCRAP,        A1,  SCR, OK",
        "SCRAP,        A1,  ADJ, LOCATION_KIND_NOT_ALLOWED",
        // an adjustment has the adjustment location on exactly one side
        "ADJUSTMENT,   ADJ, A1,  OK",
        "ADJUSTMENT,   A1,  ADJ, OK",
        "ADJUSTMENT,   A1,  A2,  LOCATION_KIND_NOT_ALLOWED",
        "ADJUSTMENT,   ADJ, ADJ, LOCATION_KIND_NOT_ALLOWED",
        "OPENING_BALANCE, ADJ, A1, OK",
        "OPENING_BALANCE, A1, ADJ, LOCATION_KIND_NOT_ALLOWED",
        "TRANSFER_IN,  T87, A1,  OK",
        "TRANSFER_IN,  A1,  A2,  LOCATION_KIND_NOT_ALLOWED",
        "TRANSFER_IN,  T87, ADJ, LOCATION_KIND_NOT_ALLOWED",
        // lost in transit: out of the in-transit location into the (destination's) adjustment location
        "ADJUSTMENT,   T78, ADJ8, OK",
        // transit straight onto a shelf is a TRANSFER_IN, and nothing is adjusted into transit or scrapped from it
        "ADJUSTMENT,   T78, B1,  LOCATION_KIND_NOT_ALLOWED",
        "ADJUSTMENT,   ADJ8, T78, LOCATION_KIND_NOT_ALLOWED",
        "ADJUSTMENT,   T78, T87, LOCATION_KIND_NOT_ALLOWED",
        "ADJUSTMENT,   T78, SCR, LOCATION_KIND_NOT_ALLOWED",
        "SCRAP,        T78, SCR, LOCATION_KIND_NOT_ALLOWED",
        "OPENING_BALANCE, T78, ADJ8, LOCATION_KIND_NOT_ALLOWED",
        "OPENING_BALANCE, ADJ, T78, LOCATION_KIND_NOT_ALLOWED",
        "TRANSFER_OUT, T78, T87, LOCATION_KIND_NOT_ALLOWED"
    })
    void each_type_moves_stock_between_the_location_kinds_it_lists(
            PostingType type, String from, String to, String expected) {
        assertThat(code(() -> MovementChecks.locationKinds(type, at(from), at(to))))
                .isEqualTo(expected);
    }

    @Test
    void a_refused_location_kind_names_the_type_and_both_locations() {
        DomainException e = refusal(() -> MovementChecks.locationKinds(PostingType.MOVE, at("A1"), at("CUS")));
        assertThat(e.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
        assertThat(e.details())
                .containsExactlyInAnyOrderEntriesOf(Map.of("postingType", "MOVE", "from", "A1", "to", "CUS"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}: {3}")
    @CsvSource({
        "STATUS_CHANGE, A1, A1, OK",
        "STATUS_CHANGE, A1, A2, INVALID_MOVEMENT",
        "MOVE,          A1, A2, OK",
        "MOVE,          A1, A1, INVALID_MOVEMENT"
    })
    void a_status_change_keeps_the_location_and_every_other_type_changes_it(
            PostingType type, String from, String to, String expected) {
        Movement m = move(from, StockStatus.AVAILABLE, to, StockStatus.AVAILABLE, 1);
        assertThat(code(() -> MovementChecks.keepsOrChangesLocation(type, m, at(from), at(to))))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}: {3}")
    @CsvSource({
        "MOVE,          AVAILABLE,  AVAILABLE,  OK",
        "MOVE,          AVAILABLE,  HOLD,       STATUS_TRANSITION_NOT_ALLOWED",
        "REPLENISHMENT, AVAILABLE,  AVAILABLE,  OK",
        "REPLENISHMENT, QUARANTINE, QUARANTINE, STATUS_TRANSITION_NOT_ALLOWED",
        "STATUS_CHANGE, QUARANTINE, AVAILABLE,  OK",
        "STATUS_CHANGE, AVAILABLE,  REJECTED,   STATUS_TRANSITION_NOT_ALLOWED",
        "STATUS_CHANGE, REJECTED,   QUARANTINE, OK",
        "STATUS_CHANGE, REJECTED,   AVAILABLE,  STATUS_TRANSITION_NOT_ALLOWED",
        "TRANSFER_IN,   AVAILABLE,  HOLD,       OK",
        "TRANSFER_IN,   HOLD,       AVAILABLE,  STATUS_TRANSITION_NOT_ALLOWED",
        "TRANSFER_IN,   AVAILABLE,  AVAILABLE,  OK",
        "TRANSFER_IN,   QUARANTINE, QUARANTINE, OK",
        "TRANSFER_IN,   QUARANTINE, HOLD,       OK",
        // damaged or out of its cold chain: arrives in QUARANTINE for quality to decide
        "TRANSFER_IN,   AVAILABLE,  QUARANTINE, OK",
        // quality releases quarantined stock, arriving does not; nor does arriving reject it
        "TRANSFER_IN,   QUARANTINE, AVAILABLE,  STATUS_TRANSITION_NOT_ALLOWED",
        "TRANSFER_IN,   AVAILABLE,  REJECTED,   STATUS_TRANSITION_NOT_ALLOWED",
        "TRANSFER_IN,   QUARANTINE, REJECTED,   STATUS_TRANSITION_NOT_ALLOWED",
        "TRANSFER_IN,   HOLD,       QUARANTINE, STATUS_TRANSITION_NOT_ALLOWED",
        // the status changes at arrival, not on dispatch
        "TRANSFER_OUT,  AVAILABLE,  AVAILABLE,  OK",
        "TRANSFER_OUT,  AVAILABLE,  QUARANTINE, STATUS_TRANSITION_NOT_ALLOWED",
        // an adjustment, from transit too, keeps the status
        "ADJUSTMENT,    AVAILABLE,  AVAILABLE,  OK",
        "ADJUSTMENT,    QUARANTINE, QUARANTINE, OK",
        "ADJUSTMENT,    AVAILABLE,  QUARANTINE, STATUS_TRANSITION_NOT_ALLOWED",
        "RETURN,        AVAILABLE,  QUARANTINE, OK",
        "RETURN,        AVAILABLE,  AVAILABLE,  STATUS_TRANSITION_NOT_ALLOWED"
    })
    void each_type_makes_only_the_status_transitions_it_lists(
            PostingType type, StockStatus from, StockStatus to, String expected) {
        Movement m = move("A1", from, "A2", to, 1);
        assertThat(code(() -> MovementChecks.statusTransition(type, m))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of {1} stock by {2} from A1 to {3}: {4}")
    @CsvSource({
        "MOVE,          HOLD,      warehouse,        A2, LOT_ON_HOLD",
        "MOVE,          HOLD,      quality,          A2, OK",
        "MOVE,          HOLD,      quality-managers, A2, OK",
        "MOVE,          AVAILABLE, warehouse,        A2, OK",
        // held stock changing status in place, or leaving by another type, is for those types' own rules
        "STATUS_CHANGE, HOLD,      warehouse,        A1, OK",
        "SCRAP,         HOLD,      warehouse,        SCR, OK"
    })
    void only_quality_moves_held_stock_from_shelf_to_shelf(
            PostingType type, StockStatus status, String group, String to, String expected) {
        Movement m = move("A1", status, to, status, 1);
        Actor actor = new Actor("someone", Set.of(group));
        assertThat(code(() -> MovementChecks.heldStockMovedByQuality(type, m, actor, LL1, at("A1"))))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} arriving {1}, open hold {2}: {3}")
    @CsvSource({
        "TRANSFER_IN, AVAILABLE,  41, ARRIVAL_UNDER_HOLD",
        "TRANSFER_IN, QUARANTINE, 41, ARRIVAL_UNDER_HOLD",
        "TRANSFER_IN, AVAILABLE,    , OK",
        "TRANSFER_IN, HOLD,       41, OK",
        "RETURN,      QUARANTINE, 41, ARRIVAL_UNDER_HOLD",
        "RETURN,      HOLD,       41, OK",
        "RETURN,      QUARANTINE,   , OK",
        "MOVE,        AVAILABLE,  41, OK"
    })
    void stock_arriving_where_an_open_hold_covers_it_arrives_in_hold(
            PostingType type, StockStatus status, Long holdId, String expected) {
        Movement m = move("T87", StockStatus.AVAILABLE, "A1", status, 1);
        assertThat(code(() -> MovementChecks.arrivalUnderHold(type, m, LL1, at("A1"), holdId)))
                .isEqualTo(expected);
        assertThat(MovementChecks.isArrivalOutsideHold(type, m))
                .isEqualTo(type != PostingType.MOVE && status != StockStatus.HOLD);
    }

    @Test
    void an_arrival_under_hold_names_the_hold() {
        DomainException e = refusal(() -> MovementChecks.arrivalUnderHold(
                PostingType.TRANSFER_IN,
                move("T87", StockStatus.AVAILABLE, "A1", StockStatus.AVAILABLE, 1),
                LL1,
                at("A1"),
                41L));
        assertThat(e.details())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("lot", "LL1", "location", "A1", "holdId", 41L, "postingType", "TRANSFER_IN"));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "A1,  A2,  OK",
        "A1,  B1,  WAREHOUSE_MISMATCH",
        "B1,  A1,  WAREHOUSE_MISMATCH",
        // in transit from 7 to 8: it left 7 and counts as 8's
        "A1,  T78, OK",
        "T78, B1,  OK",
        "T78, A1,  WAREHOUSE_MISMATCH",
        "T87, A1,  OK",
        // lost in transit is written off at the destination, whose books the stock was travelling to
        "T78, ADJ8, OK",
        "T78, ADJ, WAREHOUSE_MISMATCH",
        // a status change where the stock is, in transit too
        "T78, T78, OK",
        "A1,  A1,  OK",
        // a location of no warehouse (a supplier's, a customer's) meets any
        "SUP, A1,  OK",
        "B1,  CUS, OK"
    })
    void stock_crosses_warehouses_only_through_the_in_transit_location_of_the_pair(
            String from, String to, String expected) {
        assertThat(code(() -> MovementChecks.warehouses(at(from), at(to)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} to {0}: {2}")
    @CsvSource({
        "A2,  AVAILABLE,  OK",
        "OLD, AVAILABLE,  LOCATION_INACTIVE",
        "Q1,  AVAILABLE,  ZONE_REFUSES_STATUS",
        "Q1,  QUARANTINE, OK",
        "FRZ, AVAILABLE,  ZONE_REFUSES_TEMPERATURE_CLASS",
        // virtual locations have no zone
        "SCR, AVAILABLE,  OK",
        "CUS, QUARANTINE, OK"
    })
    void stock_goes_to_an_active_location_whose_zone_takes_its_status_and_its_item(
            String to, StockStatus status, String expected) {
        Movement m = move("A1", status, to, status, 1);
        assertThat(code(() -> MovementChecks.target(m, LL1, at(to)))).isEqualTo(expected);
    }

    @Test
    void a_status_change_in_place_is_not_refused_by_the_zone() {
        Movement m = move("Q1", StockStatus.QUARANTINE, "Q1", StockStatus.AVAILABLE, 1);
        assertThat(code(() -> MovementChecks.target(m, LL1, at("Q1")))).isEqualTo("OK");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        // the first failing check answers, in the gate's order
        "'0, 999, A1, A2',         INVALID_QUANTITY",
        "'1, 999, A1, A2',         UNKNOWN_LOT",
        "'1, 100, A1, CUS',        LOCATION_KIND_NOT_ALLOWED",
        "'1, 100, A1, A1',         INVALID_MOVEMENT",
        "'1, 100, A1, B1',         WAREHOUSE_MISMATCH",
        "'1, 100, A1, FRZ',        ZONE_REFUSES_TEMPERATURE_CLASS",
        "'1, 100, A1, A2',         OK"
    })
    void the_checks_of_a_movement_run_in_the_gates_order(String movement, String expected) {
        String[] f = movement.split(",\\s*");
        Movement m = new Movement(
                Long.parseLong(f[1]),
                GateFactsForTests.id(f[2]),
                StockStatus.AVAILABLE,
                GateFactsForTests.id(f[3]),
                StockStatus.AVAILABLE,
                Long.parseLong(f[0]));
        PostingRequest r =
                PostingRequest.of(PostingType.MOVE, WAREHOUSE, "k").movement(m).build();
        assertThat(code(() -> MovementChecks.check(r, m, facts(), Map.of()))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}: {5}")
    @CsvSource({
        // lost in transit, written off at the destination
        "ADJUSTMENT,  T78, AVAILABLE,  ADJ8, AVAILABLE,  OK",
        "ADJUSTMENT,  T78, AVAILABLE,  ADJ,  AVAILABLE,  WAREHOUSE_MISMATCH",
        "ADJUSTMENT,  T78, AVAILABLE,  B1,   AVAILABLE,  LOCATION_KIND_NOT_ALLOWED",
        // damaged or out of its cold chain, into quarantine at a quarantine location
        "TRANSFER_IN, T87, AVAILABLE,  Q1,   QUARANTINE, OK",
        "TRANSFER_IN, T87, AVAILABLE,  A1,   QUARANTINE, ZONE_REFUSES_STATUS",
        "TRANSFER_IN, T87, AVAILABLE,  A1,   AVAILABLE,  OK",
        "TRANSFER_IN, T78, AVAILABLE,  Q1,   QUARANTINE, WAREHOUSE_MISMATCH",
        // found at the destination: into quarantine there
        "ADJUSTMENT,  ADJ, QUARANTINE, Q1,   QUARANTINE, OK"
    })
    void the_postings_that_resolve_a_transfer_pass_the_whole_movement_check(
            PostingType type, String from, StockStatus fromStatus, String to, StockStatus toStatus, String expected) {
        Movement m = move(from, fromStatus, to, toStatus, 1);
        Actor actor = type == PostingType.ADJUSTMENT ? new Actor("ivy", Set.of("inventory-control")) : WAREHOUSE;
        PostingRequest r = PostingRequest.of(type, actor, "k").movement(m).build();
        assertThat(code(() -> MovementChecks.check(r, m, facts(), Map.of()))).isEqualTo(expected);
    }

    @Test
    void a_reversal_is_checked_only_for_its_quantity_lot_and_locations() {
        Movement m = move("CUS", StockStatus.AVAILABLE, "OLD", StockStatus.HOLD, 1);
        PostingRequest r = PostingRequest.of(PostingType.REVERSAL, WAREHOUSE, "k")
                .movement(m)
                .build();
        assertThat(code(() -> MovementChecks.check(r, m, facts(), Map.of()))).isEqualTo("OK");
        Movement unknown = new Movement(GateFactsForTests.LOT, 1, StockStatus.AVAILABLE, 999, StockStatus.AVAILABLE, 1);
        assertThat(code(() -> MovementChecks.check(r, unknown, facts(), Map.of())))
                .isEqualTo("UNKNOWN_LOCATION");
    }

    @Test
    void the_arrival_check_reads_the_hold_found_for_the_movements_lot_and_target() {
        Movement m = move("T87", StockStatus.AVAILABLE, "A1", StockStatus.AVAILABLE, 1);
        PostingRequest r = PostingRequest.of(PostingType.TRANSFER_IN, WAREHOUSE, "k")
                .movement(m)
                .build();
        var underHold = Map.of(new HeldStock.LotAt(GateFactsForTests.LOT, m.toLocationId()), 41L);
        assertThat(code(() -> MovementChecks.check(r, m, facts(), underHold))).isEqualTo("ARRIVAL_UNDER_HOLD");
        assertThat(code(() -> MovementChecks.check(r, m, facts(), Map.of()))).isEqualTo("OK");
    }
}
