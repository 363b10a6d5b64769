package org.lotledger.fulfillment.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotledger.fulfillment.allocation.Stock.EAST;
import static org.lotledger.fulfillment.allocation.Stock.TODAY;
import static org.lotledger.fulfillment.allocation.Stock.WEST;
import static org.lotledger.fulfillment.allocation.Stock.lot;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lotledger.catalog.item.AllocationMethod;
import org.lotledger.catalog.location.ZoneType;
import org.lotledger.ledger.StockStatus;

/**
 * The allocation rule set (rules/allocation) compiled through RuleBaseBuilder, one scenario per test: which rules
 * fired, and what was allocated, excluded and backordered. Every scenario also runs the plain-Java SortingAllocator
 * and expects the same allocations and backorders.
 */
class AllocationRulesTest {

    static final long ITEM = 7;

    static final ItemPolicy FEFO = new ItemPolicy(ITEM, AllocationMethod.FEFO, false, 0);
    static final ItemPolicy FIFO = new ItemPolicy(ITEM, AllocationMethod.FIFO, false, 0);

    /** One allocation as a row: line, lot, location, quantity, rule ids. */
    record Row(long line, long lot, long location, long quantity, List<String> rules) {}

    static List<Row> rows(AllocationResult r) {
        return r.allocations().stream()
                .map(a -> new Row(
                        a.lineId(), a.candidate().lotId(), a.candidate().locationId(), a.quantity(), a.ruleIds()))
                .toList();
    }

    static Row row(long line, long lot, long quantity, String... rules) {
        return new Row(line, lot, 100 + lot, quantity, List.of(rules));
    }

    static Set<String> ruleIds(AllocationResult r) {
        return r.firedRules().stream().map(RuleIds::of).collect(Collectors.toSet());
    }

    static AllocationResult allocate(ItemPolicy policy, List<DemandLine> lines, Stock... stock) {
        AllocationFacts facts = new AllocationFacts(
                EAST,
                TODAY,
                lines,
                java.util.Arrays.stream(stock).map(Stock::build).toList(),
                List.of(policy));
        AllocationResult drools = AllocationRules.drools().allocate(facts);
        AllocationResult java = new SortingAllocator().allocate(facts);
        assertThat(drools.allocations()).as("Drools and SortingAllocator").isEqualTo(java.allocations());
        assertThat(drools.backorders()).as("Drools and SortingAllocator").isEqualTo(java.backorders());
        assertThat(drools.exclusions())
                .as("Drools and SortingAllocator")
                .containsExactlyInAnyOrderElementsOf(java.exclusions());
        return drools;
    }

    static List<DemandLine> line(long quantity) {
        return List.of(new DemandLine(1, ITEM, quantity, 0, null));
    }

    @Test
    void fefo_takes_the_earliest_expiry_first() {
        AllocationResult r = allocate(
                FEFO,
                line(40),
                lot(1).expiresInDays(300).received("2026-01-01T00:00:00Z"),
                lot(2).expiresInDays(100).received("2026-06-01T00:00:00Z"),
                lot(3).expiresInDays(200).received("2025-06-01T00:00:00Z"));

        assertThat(rows(r)).containsExactly(row(1, 2, 40, "ALLOC-050"));
        assertThat(r.backorders()).isEmpty();
        assertThat(ruleIds(r)).contains("ALLOC-050", "ALLOC-060").doesNotContain("ALLOC-090");
    }

    @Test
    void fefo_breaks_a_tie_in_expiry_by_first_receipt() {
        AllocationResult r = allocate(
                FEFO,
                line(40),
                lot(1).expiresInDays(100).received("2026-03-01T00:00:00Z"),
                lot(2).expiresInDays(100).received("2026-02-01T00:00:00Z"));

        assertThat(rows(r)).containsExactly(row(1, 2, 40, "ALLOC-050"));
    }

    @Test
    void fifo_takes_the_first_received_lot_whatever_its_expiry() {
        AllocationResult r = allocate(
                FIFO,
                line(40),
                lot(1).expiresInDays(100).received("2026-03-01T00:00:00Z"),
                lot(2).expiresInDays(900).received("2026-01-01T00:00:00Z"));

        assertThat(rows(r)).containsExactly(row(1, 2, 40, "ALLOC-050"));
    }

    @Test
    void a_line_larger_than_any_lot_is_split_over_three_lots_in_fefo_order() {
        AllocationResult r = allocate(
                FEFO,
                line(250),
                lot(1).expiresInDays(30).onHand(100),
                lot(2).expiresInDays(60).onHand(100),
                lot(3).expiresInDays(90).onHand(100),
                lot(4).expiresInDays(120).onHand(100));

        assertThat(rows(r))
                .containsExactly(
                        row(1, 1, 100, "ALLOC-050", "ALLOC-060"),
                        row(1, 2, 100, "ALLOC-050", "ALLOC-060"),
                        row(1, 3, 50, "ALLOC-050", "ALLOC-060"));
        assertThat(r.backorders()).isEmpty();
    }

    @Test
    void one_short_lot_never_fails_the_line_the_rest_is_backordered_as_none_on_hand() {
        AllocationResult r = allocate(FEFO, line(130), lot(1).onHand(100));

        assertThat(rows(r)).containsExactly(row(1, 1, 100, "ALLOC-050", "ALLOC-060"));
        assertThat(r.backorders()).containsExactly(new Backorder(1, 30, BackorderReason.NONE_ON_HAND));
        assertThat(ruleIds(r)).contains("ALLOC-090");
    }

    @Test
    void of_lots_with_the_same_expiry_the_first_that_covers_the_line_alone_is_taken_before_a_split() {
        AllocationResult r = allocate(
                FEFO,
                line(80),
                lot(1).expiresInDays(100).onHand(50).received("2026-01-01T00:00:00Z"),
                lot(2).expiresInDays(100).onHand(90).received("2026-02-01T00:00:00Z"));

        assertThat(rows(r)).containsExactly(row(1, 2, 80, "ALLOC-050", "ALLOC-070"));
        assertThat(ruleIds(r)).contains("ALLOC-070");
    }

    @Test
    void without_a_fefo_window_a_later_expiry_that_would_cover_alone_does_not_prevent_the_split() {
        AllocationResult r = allocate(
                FEFO,
                line(80),
                lot(1).expiresInDays(100).onHand(50),
                lot(2).expiresInDays(110).onHand(90));

        assertThat(rows(r))
                .containsExactly(row(1, 1, 50, "ALLOC-050", "ALLOC-060"), row(1, 2, 30, "ALLOC-050", "ALLOC-060"));
    }

    @Test
    void within_a_fefo_window_of_fourteen_days_one_lot_that_covers_alone_is_taken_instead_of_a_split() {
        AllocationResult r = allocate(
                new ItemPolicy(ITEM, AllocationMethod.FEFO, false, 14),
                line(80),
                lot(1).expiresInDays(100).onHand(50),
                lot(2).expiresInDays(107).onHand(60),
                lot(3).expiresInDays(110).onHand(90),
                lot(4).expiresInDays(300).onHand(500));

        assertThat(rows(r)).containsExactly(row(1, 3, 80, "ALLOC-050", "ALLOC-070"));
    }

    @Test
    void beyond_the_fefo_window_the_line_splits_in_order() {
        AllocationResult r = allocate(
                new ItemPolicy(ITEM, AllocationMethod.FEFO, false, 14),
                line(80),
                lot(1).expiresInDays(100).onHand(50),
                lot(2).expiresInDays(115).onHand(500));

        assertThat(rows(r))
                .containsExactly(row(1, 1, 50, "ALLOC-050", "ALLOC-060"), row(1, 2, 30, "ALLOC-050", "ALLOC-060"));
    }

    @Test
    void full_cases_come_from_storage_and_the_rest_from_the_pick_face() {
        AllocationResult r = allocate(
                new ItemPolicy(ITEM, AllocationMethod.FEFO, true, 0),
                line(25),
                lot(1).at(201, ZoneType.PICK_FACE).onHand(8).cases(10).expiresInDays(100),
                lot(1).at(301, ZoneType.STORAGE).onHand(100).cases(10).expiresInDays(100));

        assertThat(rows(r))
                .containsExactly(
                        new Row(1, 1, 301, 20, List.of("ALLOC-050", "ALLOC-080")),
                        new Row(1, 1, 201, 5, List.of("ALLOC-050", "ALLOC-080")));
        assertThat(ruleIds(r)).contains("ALLOC-080");
    }

    @Test
    void when_the_pick_face_cannot_give_the_remainder_storage_gives_loose_units_rather_than_a_backorder() {
        AllocationResult r = allocate(
                new ItemPolicy(ITEM, AllocationMethod.FEFO, true, 0),
                line(25),
                lot(1).at(201, ZoneType.PICK_FACE).onHand(2).cases(10),
                lot(1).at(301, ZoneType.STORAGE).onHand(100).cases(10));

        assertThat(rows(r))
                .containsExactly(
                        new Row(1, 1, 301, 20, List.of("ALLOC-050", "ALLOC-080")),
                        new Row(1, 1, 201, 2, List.of("ALLOC-050", "ALLOC-080")),
                        new Row(1, 1, 301, 3, List.of("ALLOC-050", "ALLOC-060")));
        assertThat(r.backorders()).isEmpty();
    }

    @Test
    void expired_stock_is_never_allocated_and_backorders_as_expired() {
        AllocationResult r = allocate(
                FEFO,
                line(50),
                lot(1).expires(TODAY).onHand(100),
                lot(2).expiresInDays(-10).onHand(100),
                lot(3).expiresInDays(1).onHand(20));

        assertThat(rows(r)).containsExactly(row(1, 3, 20, "ALLOC-050", "ALLOC-060"));
        assertThat(r.backorders()).containsExactly(new Backorder(1, 30, BackorderReason.EXPIRED));
        assertThat(r.exclusions())
                .extracting(e -> e.candidate().lotId(), Exclusion::ruleId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(1L, "ALLOC-020"),
                        org.assertj.core.groups.Tuple.tuple(2L, "ALLOC-020"));
        assertThat(ruleIds(r)).contains("ALLOC-020", "ALLOC-090");
    }

    @Test
    void a_lot_under_an_open_hold_is_never_allocated_even_where_it_is_available() {
        AllocationResult r = allocate(
                FEFO,
                line(50),
                lot(1).expiresInDays(30).underHold(),
                lot(2).expiresInDays(60).onHand(10));

        assertThat(rows(r)).containsExactly(row(1, 2, 10, "ALLOC-050", "ALLOC-060"));
        assertThat(r.backorders()).containsExactly(new Backorder(1, 40, BackorderReason.HELD_OR_QUARANTINED));
        assertThat(r.exclusions()).extracting(Exclusion::ruleId).containsExactly("ALLOC-040");
    }

    @Test
    void quarantined_and_held_status_is_not_allocated_and_backorders_as_held_or_quarantined() {
        AllocationResult r = allocate(
                FEFO,
                line(50),
                lot(1).status(StockStatus.QUARANTINE).onHand(30),
                lot(2).status(StockStatus.HOLD).onHand(5));

        assertThat(rows(r)).isEmpty();
        assertThat(r.backorders())
                .containsExactlyInAnyOrder(
                        new Backorder(1, 35, BackorderReason.HELD_OR_QUARANTINED),
                        new Backorder(1, 15, BackorderReason.NONE_ON_HAND));
        assertThat(r.exclusions()).extracting(Exclusion::ruleId).containsExactly("ALLOC-010", "ALLOC-010");
    }

    @Test
    void a_lot_with_less_shelf_life_than_the_customer_needs_is_excluded_for_that_line() {
        List<DemandLine> lines =
                List.of(DemandLine.of(1, ITEM, 50, 30, 180, null, null), DemandLine.of(2, ITEM, 50, 30, 0, 20, null));
        AllocationResult r = allocate(
                FEFO,
                lines,
                lot(1).expiresInDays(100).onHand(60),
                lot(2).expiresInDays(200).onHand(20));

        assertThat(rows(r)).containsExactly(row(1, 2, 20, "ALLOC-050", "ALLOC-060"), row(2, 1, 50, "ALLOC-050"));
        assertThat(r.backorders()).containsExactly(new Backorder(1, 30, BackorderReason.SHELF_LIFE_TOO_SHORT));
        assertThat(r.exclusions())
                .containsExactly(new Exclusion(
                        lot(1).expiresInDays(100).onHand(60).build(),
                        1L,
                        "ALLOC-030",
                        BackorderReason.SHELF_LIFE_TOO_SHORT));
    }

    @Test
    void stock_in_another_warehouse_is_not_allocated_and_backorders_as_in_other_warehouse() {
        AllocationResult r = allocate(FEFO, line(50), lot(1).in(WEST).onHand(500), lot(2).onHand(10));

        assertThat(rows(r)).containsExactly(row(1, 2, 10, "ALLOC-050", "ALLOC-060"));
        assertThat(r.backorders()).containsExactly(new Backorder(1, 40, BackorderReason.IN_OTHER_WAREHOUSE));
        assertThat(r.exclusions()).extracting(Exclusion::ruleId).containsExactly("ALLOC-010");
    }

    @Test
    void stock_reserved_for_other_orders_is_not_taken_and_backorders_as_reserved_for_other_orders() {
        AllocationResult r = allocate(FEFO, line(50), lot(1).onHand(100).reserved(70));

        assertThat(rows(r)).containsExactly(row(1, 1, 30, "ALLOC-050", "ALLOC-060"));
        assertThat(r.backorders()).containsExactly(new Backorder(1, 20, BackorderReason.RESERVED_FOR_OTHER_ORDERS));
    }

    @Test
    void no_stock_at_all_backorders_the_whole_line_as_none_on_hand() {
        AllocationResult r = allocate(FEFO, line(50));

        assertThat(rows(r)).isEmpty();
        assertThat(r.backorders()).containsExactly(new Backorder(1, 50, BackorderReason.NONE_ON_HAND));
    }

    @Test
    void a_requested_lot_is_taken_even_when_another_expires_earlier() {
        List<DemandLine> lines = List.of(new DemandLine(1, ITEM, 40, 0, 2L));
        AllocationResult r = allocate(
                FEFO, lines, lot(1).expiresInDays(30), lot(2).expiresInDays(300).onHand(30));

        assertThat(rows(r)).containsExactly(row(1, 2, 30, "ALLOC-050", "ALLOC-060"));
        assertThat(r.backorders()).containsExactly(new Backorder(1, 10, BackorderReason.NONE_ON_HAND));
    }

    @Test
    void a_later_line_takes_what_an_earlier_line_of_the_same_item_left() {
        List<DemandLine> lines = List.of(new DemandLine(1, ITEM, 70, 0, null), new DemandLine(2, ITEM, 70, 0, null));
        AllocationResult r = allocate(
                FEFO,
                lines,
                lot(1).expiresInDays(30).onHand(100),
                lot(2).expiresInDays(60).onHand(100));

        assertThat(rows(r))
                .containsExactly(
                        row(1, 1, 70, "ALLOC-050"),
                        row(2, 1, 30, "ALLOC-050", "ALLOC-060"),
                        row(2, 2, 40, "ALLOC-050", "ALLOC-060"));
    }

    @Test
    void a_later_line_passes_over_what_the_line_before_it_used_up_in_one_step() {
        List<DemandLine> lines = List.of(
                new DemandLine(1, ITEM, 70, 0, null),
                new DemandLine(2, ITEM, 50, 0, null),
                new DemandLine(3, ITEM, 40, 0, null));
        AllocationResult r = allocate(
                FEFO,
                lines,
                lot(1).expiresInDays(30).onHand(30),
                lot(2).expiresInDays(60).onHand(40),
                lot(3).expiresInDays(90).onHand(60),
                lot(4).expiresInDays(120).onHand(100));

        assertThat(rows(r))
                .containsExactly(
                        row(1, 1, 30, "ALLOC-050", "ALLOC-060"),
                        row(1, 2, 40, "ALLOC-050", "ALLOC-060"),
                        row(2, 3, 50, "ALLOC-050"),
                        row(3, 3, 10, "ALLOC-050", "ALLOC-060"),
                        row(3, 4, 30, "ALLOC-050", "ALLOC-060"));
        // line 1 used up ranks 1-2: line 2 passes over them in one step, and line 3 over ranks 1-2 again
        assertThat(r.firedRules())
                .filteredOn(name ->
                        name.equals("ALLOC-060 A line passes over a run of candidates the earlier lines used up"))
                .hasSize(2);
        assertThat(r.firedRules())
                .filteredOn(name -> name.startsWith("ALLOC-060 A line passes over a candidate earlier lines used up"))
                .isEmpty();
    }

    @Test
    void stock_at_a_dock_is_not_allocated() {
        AllocationResult r = allocate(FEFO, line(10), lot(1).at(900, ZoneType.RECEIVING_DOCK));

        assertThat(rows(r)).isEmpty();
        assertThat(r.exclusions()).extracting(Exclusion::ruleId).containsExactly("ALLOC-010");
        assertThat(r.backorders()).containsExactly(new Backorder(1, 10, BackorderReason.NONE_ON_HAND));
    }
}
