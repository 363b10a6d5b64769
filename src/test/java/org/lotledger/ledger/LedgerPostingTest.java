package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lotledger.ledger.LedgerFixtures.FINANCE;
import static org.lotledger.ledger.LedgerFixtures.INVENTORY;
import static org.lotledger.ledger.LedgerFixtures.QUALITY;
import static org.lotledger.ledger.LedgerFixtures.WAREHOUSE;
import static org.lotledger.ledger.StockStatus.AVAILABLE;
import static org.lotledger.ledger.StockStatus.HOLD;
import static org.lotledger.ledger.StockStatus.QUARANTINE;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.DomainException;
import org.lotledger.quality.HoldReason;
import org.lotledger.quality.HoldScope;
import org.lotledger.quality.PlacingHold;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Ledger behaviour, written as tables of expected legs and balances (location status quantity @cost = value). */
@IntegrationTest
class LedgerPostingTest {

    @Autowired
    Ledger ledger;

    @Autowired
    MovingStock moving;

    @Autowired
    AdjustingStock adjusting;

    @Autowired
    ReversingPostings reversing;

    @Autowired
    LedgerQueries queries;

    @Autowired
    PlacingHold placing;

    @Autowired
    JdbcTemplate jdbc;

    LedgerFixtures f;

    @BeforeEach
    void warehouse() {
        f = new LedgerFixtures(jdbc);
    }

    private MovingStock.ScanMove scan(long lot, String from, String to, String qty, String unit) {
        return new MovingStock.ScanMove(
                null, f.labelOf(lot), f.barcode(from), f.barcode(to), new BigDecimal(qty), unit, null, null);
    }

    private long postings() {
        return jdbc.queryForObject("select count(*) from posting", Long.class);
    }

    @Test
    void an_opening_balance_and_a_move_post_conserving_legs_valued_at_the_lot_cost() {
        long lot = f.newLot();
        Posting opening = f.stock(ledger, lot, "A1", AVAILABLE, 100);
        assertThat(f.legsOf(opening)).containsExactly("ADJ AVAILABLE -100 @2.5 = -250", "A1 AVAILABLE 100 @2.5 = 250");

        Posting move = moving.move(scan(lot, "A1", "A2", "3", "BOX"), WAREHOUSE, f.key());

        assertThat(move.type()).isEqualTo(PostingType.MOVE);
        assertThat(f.legsOf(move)).containsExactly("A1 AVAILABLE -30 @2.5 = -75", "A2 AVAILABLE 30 @2.5 = 75");
        assertThat(move.legs()).extracting(Posting.Leg::lotSeq).containsExactly(3L, 4L);
        assertThat(move.legs())
                .extracting(l -> l.balanceAfter().intValueExact())
                .containsExactly(70, 30);
        assertThat(f.balancesOf(lot)).containsExactly("A1 AVAILABLE 70", "A2 AVAILABLE 30", "ADJ AVAILABLE -100");
        assertThat(move.actor()).isEqualTo("walt");
        assertThat(move.recordedAt()).isAfterOrEqualTo(opening.recordedAt());
    }

    @Test
    void a_reversal_posts_the_inverse_and_references_the_original_once() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 50);
        Posting move = moving.move(scan(lot, "A1", "A2", "20", "EA"), WAREHOUSE, f.key());

        Posting reversal = reversing.reverse(move.id(), "DATA_ENTRY_ERROR", "wrong bin", INVENTORY, f.key());

        assertThat(reversal.reversesPostingId()).isEqualTo(move.id());
        assertThat(f.legsOf(reversal)).containsExactly("A2 AVAILABLE -20 @2.5 = -50", "A1 AVAILABLE 20 @2.5 = 50");
        assertThat(f.balancesOf(lot)).containsExactly("A1 AVAILABLE 50", "ADJ AVAILABLE -50");
        assertThatThrownBy(() -> reversing.reverse(move.id(), "DATA_ENTRY_ERROR", null, INVENTORY, f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("ALREADY_REVERSED");
        assertThatThrownBy(() -> reversing.reverse(reversal.id(), "DATA_ENTRY_ERROR", null, INVENTORY, f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("CANNOT_REVERSE_REVERSAL");
    }

    @Test
    void a_move_of_more_than_is_there_is_refused_and_posts_nothing() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 10);
        long before = postings();

        assertThatThrownBy(() -> moving.move(scan(lot, "A1", "A2", "11", "EA"), WAREHOUSE, f.key()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("INSUFFICIENT_BALANCE");
                    assertThat(e.details()).containsEntry("available", "10").containsEntry("requested", 11L);
                });

        assertThat(postings()).isEqualTo(before);
        assertThat(f.balancesOf(lot)).containsExactly("A1 AVAILABLE 10", "ADJ AVAILABLE -10");
    }

    @Test
    void held_or_quarantined_stock_is_not_available_to_a_warehouse_move() {
        long lot = f.newLot();
        f.stock(ledger, lot, "Q1", QUARANTINE, 10);

        assertThatThrownBy(() -> moving.move(scan(lot, "Q1", "A1", "5", "EA"), WAREHOUSE, f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("LOT_NOT_AVAILABLE");
    }

    @Test
    void held_stock_is_moved_only_by_quality_and_only_where_hold_is_accepted() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 10);
        placing.place(
                new PlacingHold.HoldRequest(HoldScope.LOT, lot, null, HoldReason.INVESTIGATION, null),
                QUALITY,
                f.key());
        var holdMove = new MovingStock.ScanMove(
                null, f.labelOf(lot), f.barcode("A1"), f.barcode("Q1"), BigDecimal.valueOf(4), "EA", HOLD, null);

        assertThatThrownBy(() -> moving.move(holdMove, WAREHOUSE, f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("LOT_ON_HOLD");
        Posting byQuality = moving.move(holdMove, QUALITY, f.key());
        assertThat(f.legsOf(byQuality)).containsExactly("A1 HOLD -4 @2.5 = -10", "Q1 HOLD 4 @2.5 = 10");

        var toPickFace = new MovingStock.ScanMove(
                null, f.labelOf(lot), f.barcode("A1"), f.barcode("P1"), BigDecimal.ONE, "EA", HOLD, null);
        assertThatThrownBy(() -> moving.move(toPickFace, QUALITY, f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("ZONE_REFUSES_STATUS");
    }

    @Test
    void a_zone_refuses_a_temperature_class_it_does_not_store() {
        long lot = f.newLot(); // chilled item
        f.stock(ledger, lot, "A1", AVAILABLE, 10);

        assertThatThrownBy(() -> moving.move(scan(lot, "A1", "F1", "1", "EA"), WAREHOUSE, f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("ZONE_REFUSES_TEMPERATURE_CLASS");
        assertThatThrownBy(() -> moving.move(scan(lot, "A1", "P1", "1", "EA"), WAREHOUSE, f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("ZONE_REFUSES_TEMPERATURE_CLASS");
    }

    @Test
    void stock_does_not_jump_between_warehouses() {
        LedgerFixtures other = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 10);
        var across = new MovingStock.ScanMove(
                null, f.labelOf(lot), f.barcode("A1"), other.barcode("A1"), BigDecimal.ONE, "EA", null, null);

        assertThatThrownBy(() -> moving.move(across, WAREHOUSE, f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("WAREHOUSE_MISMATCH");
    }

    @Test
    void units_convert_to_whole_base_units_or_are_refused() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 500);

        Posting cases = moving.move(scan(lot, "A1", "A2", "1", "CASE"), WAREHOUSE, f.key());
        assertThat(cases.legs().get(1).quantity().intValueExact()).isEqualTo(120);
        assertThatThrownBy(() -> moving.move(scan(lot, "A1", "A2", "1.5", "EA"), WAREHOUSE, f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("UOM_NOT_CONVERTIBLE");
        assertThatThrownBy(() -> moving.move(scan(lot, "A1", "A2", "1", "PALLET"), WAREHOUSE, f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("UOM_NOT_CONVERTIBLE");
        assertThatThrownBy(() -> moving.move(scan(lot, "A1", "A2", "0", "EA"), WAREHOUSE, f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("INVALID_QUANTITY");
        Posting halfBox = moving.move(scan(lot, "A1", "A2", "0.5", "BOX"), WAREHOUSE, f.key());
        assertThat(halfBox.legs().get(1).quantity().intValueExact()).isEqualTo(5);
    }

    @Test
    void a_posting_type_is_refused_to_groups_it_is_not_allowed_to() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 10);
        var adj = new AdjustingStock.Adjustment(
                f.labelOf(lot), f.barcode("A1"), AVAILABLE, BigDecimal.ONE, "EA", "COUNT_VARIANCE", null, null);

        assertThatThrownBy(() -> adjusting.adjust(adj, WAREHOUSE, f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("POSTING_TYPE_NOT_ALLOWED");
        assertThatThrownBy(() -> moving.move(scan(lot, "A1", "A2", "1", "EA"), FINANCE, f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("POSTING_TYPE_NOT_ALLOWED");
    }

    @Test
    void an_opening_balance_is_the_first_posting_of_a_lot_at_a_location_and_afterwards_it_is_an_adjustment() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 10);
        long before = postings();

        assertThatThrownBy(() -> f.stock(ledger, lot, "A1", AVAILABLE, 5))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("OPENING_BALANCE_NOT_FIRST");
        assertThatThrownBy(() -> f.stock(ledger, lot, "A1", HOLD, 5))
                .as("another status of the same place")
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("OPENING_BALANCE_NOT_FIRST");
        moving.move(scan(lot, "A1", "A2", "10", "EA"), WAREHOUSE, f.key());
        assertThatThrownBy(() -> f.stock(ledger, lot, "A1", AVAILABLE, 5))
                .as("emptied since, but posted on")
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("OPENING_BALANCE_NOT_FIRST");
        assertThat(postings()).isEqualTo(before + 1);

        f.stock(ledger, lot, "A3", AVAILABLE, 5); // a place of the lot with no posting yet
        Posting more = adjusting.adjust(
                new AdjustingStock.Adjustment(
                        f.labelOf(lot),
                        f.barcode("A1"),
                        AVAILABLE,
                        BigDecimal.valueOf(5),
                        "EA",
                        "COUNT_VARIANCE",
                        "found at go-live + 1",
                        null),
                INVENTORY,
                f.key());
        assertThat(more.type()).isEqualTo(PostingType.ADJUSTMENT);
        assertThat(f.balancesOf(lot)).contains("A1 AVAILABLE 5", "A2 AVAILABLE 10", "A3 AVAILABLE 5");
    }

    @Test
    void an_adjustment_needs_a_reason_code_valid_for_adjustments() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 10);

        assertThatThrownBy(() -> adjusting.adjust(
                        new AdjustingStock.Adjustment(
                                f.labelOf(lot), f.barcode("A1"), AVAILABLE, BigDecimal.ONE, "EA", null, null, null),
                        INVENTORY,
                        f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("REASON_CODE_REQUIRED");
        assertThatThrownBy(() -> adjusting.adjust(
                        new AdjustingStock.Adjustment(
                                f.labelOf(lot),
                                f.barcode("A1"),
                                AVAILABLE,
                                BigDecimal.ONE,
                                "EA",
                                "DATA_ENTRY_ERROR",
                                null,
                                null),
                        INVENTORY,
                        f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("INVALID_REASON_CODE");

        Posting found = adjusting.adjust(
                new AdjustingStock.Adjustment(
                        f.labelOf(lot),
                        f.barcode("A1"),
                        AVAILABLE,
                        BigDecimal.valueOf(-3),
                        "EA",
                        "COUNT_VARIANCE",
                        "counted 7",
                        null),
                INVENTORY,
                f.key());
        assertThat(f.legsOf(found)).containsExactly("A1 AVAILABLE -3 @2.5 = -7.5", "ADJ AVAILABLE 3 @2.5 = 7.5");
        assertThat(found.reasonCode()).isEqualTo("COUNT_VARIANCE");
        assertThat(found.note()).isEqualTo("counted 7");
    }

    @Test
    void a_status_change_keeps_the_location_and_only_makes_listed_transitions() {
        long lot = f.newLot();
        f.stock(ledger, lot, "Q1", QUARANTINE, 10);

        Posting release = ledger.post(PostingRequest.of(PostingType.STATUS_CHANGE, QUALITY, f.key())
                .movement(new Movement(lot, f.location("Q1"), QUARANTINE, f.location("Q1"), AVAILABLE, 10))
                .build());
        assertThat(f.legsOf(release)).containsExactly("Q1 QUARANTINE -10 @2.5 = -25", "Q1 AVAILABLE 10 @2.5 = 25");

        assertThatThrownBy(() -> ledger.post(PostingRequest.of(PostingType.STATUS_CHANGE, QUALITY, f.key())
                        .movement(new Movement(
                                lot, f.location("Q1"), AVAILABLE, f.location("Q1"), StockStatus.REJECTED, 1))
                        .build()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("STATUS_TRANSITION_NOT_ALLOWED");
        assertThatThrownBy(() -> ledger.post(PostingRequest.of(PostingType.MOVE, WAREHOUSE, f.key())
                        .movement(new Movement(lot, f.location("Q1"), AVAILABLE, f.location("A1"), HOLD, 1))
                        .build()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("STATUS_TRANSITION_NOT_ALLOWED");
    }

    @Test
    void the_database_refuses_to_update_or_delete_ledger_rows() {
        long lot = f.newLot();
        Posting p = f.stock(ledger, lot, "A1", AVAILABLE, 10);

        assertThatThrownBy(() -> jdbc.update("update posting_leg set quantity = 99 where posting_id = ?", p.id()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("LEDGER_APPEND_ONLY");
        assertThatThrownBy(() -> jdbc.update("delete from posting_leg where posting_id = ?", p.id()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("LEDGER_APPEND_ONLY");
        assertThatThrownBy(() -> jdbc.update("update posting set actor = 'mallory' where id = ?", p.id()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("LEDGER_APPEND_ONLY");
        assertThatThrownBy(() -> jdbc.update("delete from posting where id = ?", p.id()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("LEDGER_APPEND_ONLY");
        assertThatThrownBy(() -> jdbc.execute("truncate posting_leg"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("LEDGER_APPEND_ONLY");
        assertThat(ledger.load(p.id()).legs()).hasSize(2);
    }

    @Test
    void the_database_refuses_an_unbalanced_posting_and_a_negative_shelf() {
        long lot = f.newLot();
        assertThatThrownBy(() -> jdbc.execute("""
                do $$ declare p bigint; begin
                  insert into stock_balance (lot_id, location_id, status, quantity, may_go_negative, last_lot_seq, updated_at)
                  values (%1$s, %2$s, 'AVAILABLE', 5, false, 1000001, now()), (%1$s, %3$s, 'AVAILABLE', -4, true, 1000002, now());
                  insert into posting (posting_type, actor, occurred_at, recorded_at, idempotency_key, request_fingerprint)
                  values ('ADJUSTMENT', 'mallory', now(), now(), 'unbalanced-%1$s', repeat('0', 64)) returning id into p;
                  insert into posting_leg (posting_id, leg_no, lot_id, location_id, status, quantity, unit_cost, currency,
                                           extended_value, lot_seq, balance_after, recorded_at)
                  values (p, 1, %1$s, %2$s, 'AVAILABLE', 5, 2.5, 'USD', 12.5, 1000001, 5, now()),
                         (p, 2, %1$s, %3$s, 'AVAILABLE', -4, 2.5, 'USD', -10, 1000002, -4, now());
                end $$""".formatted(lot, f.location("A1"), f.location("ADJ"))))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("LEDGER_UNBALANCED");

        assertThatThrownBy(() -> jdbc.update("""
                insert into stock_balance (lot_id, location_id, status, quantity, may_go_negative, last_lot_seq, updated_at)
                values (?, ?, 'AVAILABLE', -1, false, 0, now())""", lot, f.location("A1")))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("stock_balance_never_negative");
        assertThatThrownBy(() -> jdbc.update("""
                insert into stock_balance (lot_id, location_id, status, quantity, may_go_negative, last_lot_seq, updated_at)
                values (?, ?, 'AVAILABLE', -1, true, 0, now())""", lot, f.location("A1")))
                .as("a physical location cannot pretend to be a source")
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void the_history_of_a_lot_reads_in_recorded_order_and_as_of_answers_the_past() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 40);
        Instant afterOpening = queries.countSnapshot(java.util.List.of(lot));
        moving.move(scan(lot, "A1", "A2", "15", "EA"), WAREHOUSE, f.key());
        Instant afterMove = queries.countSnapshot(java.util.List.of(lot));
        moving.move(scan(lot, "A2", "A3", "5", "EA"), WAREHOUSE, f.key());

        assertThat(queries.history(lot))
                .extracting(h -> h.postingType() + " " + f.codeOf(h.locationId()) + " "
                        + h.quantity().intValueExact() + " -> "
                        + h.balanceAfter().intValueExact())
                .containsExactly(
                        "OPENING_BALANCE ADJ -40 -> -40",
                        "OPENING_BALANCE A1 40 -> 40",
                        "MOVE A1 -15 -> 25",
                        "MOVE A2 15 -> 15",
                        "MOVE A2 -5 -> 10",
                        "MOVE A3 5 -> 5");
        assertThat(queries.balanceAsOf(lot, f.location("A1"), afterOpening).balances())
                .containsEntry(AVAILABLE, new BigDecimal("40.0000"));
        assertThat(queries.balanceAsOf(lot, f.location("A2"), afterOpening)
                        .balances()
                        .get(AVAILABLE))
                .isZero();
        assertThat(queries.balanceAsOf(lot, f.location("A2"), afterMove).balances())
                .containsEntry(AVAILABLE, new BigDecimal("15.0000"));
        assertThat(queries.balanceAsOf(lot, f.location("A2"), Instant.now()).balances())
                .containsEntry(AVAILABLE, new BigDecimal("10.0000"));
        assertThatThrownBy(() ->
                        queries.balanceAsOf(lot, f.location("A2"), Instant.now().plusSeconds(3600)))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("AS_OF_IN_FUTURE");
    }

    @Test
    void the_same_idempotency_key_returns_the_original_and_another_payload_is_refused() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 10);
        String key = f.key();
        Posting first = moving.move(scan(lot, "A1", "A2", "2", "EA"), WAREHOUSE, key);
        long count = postings();

        Posting again = moving.move(scan(lot, "A1", "A2", "2", "EA"), WAREHOUSE, key);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.replayed()).isTrue();
        assertThat(postings()).isEqualTo(count);
        assertThatThrownBy(() -> moving.move(scan(lot, "A1", "A2", "3", "EA"), WAREHOUSE, key))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(f.balancesOf(lot)).containsExactly("A1 AVAILABLE 8", "A2 AVAILABLE 2", "ADJ AVAILABLE -10");
    }

    @Test
    void a_location_with_a_capacity_takes_stock_of_any_lot_up_to_it_and_no_more() {
        jdbc.update("update location set capacity_base_units = 50 where id = ?", f.location("A2"));
        long lot = f.newLot();
        long other = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 100);
        f.stock(ledger, other, "A2", AVAILABLE, 40);
        long before = postings();

        moving.move(scan(lot, "A1", "A2", "10", "EA"), WAREHOUSE, f.key());
        assertThatThrownBy(() -> moving.move(scan(lot, "A1", "A2", "1", "EA"), WAREHOUSE, f.key()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("LOCATION_CAPACITY_EXCEEDED");
                    assertThat(e.getMessage()).contains("holds 50 of 50 base units; 1 more do not fit");
                });
        assertThat(postings()).isEqualTo(before + 1);
        assertThat(f.balancesOf(lot)).contains("A1 AVAILABLE 90", "A2 AVAILABLE 10");
    }

    @Test
    void a_posting_may_not_say_it_happened_before_its_warehouse_went_live() {
        java.time.LocalDate goLive =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(10);
        jdbc.update("update warehouse set go_live_on = ? where id = ?", goLive, f.warehouseId);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 10);
        Instant dayBefore =
                goLive.minusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant dayAfter =
                goLive.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();

        assertThatThrownBy(() -> ledger.post(PostingRequest.of(PostingType.MOVE, WAREHOUSE, f.key())
                        .movement(new Movement(lot, f.location("A1"), AVAILABLE, f.location("A2"), AVAILABLE, 1))
                        .occurredAt(dayBefore)
                        .build()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("OCCURRED_BEFORE_GO_LIVE");
                    assertThat(e.details()).containsEntry("goLiveOn", goLive.toString());
                });
        Posting late = ledger.post(PostingRequest.of(PostingType.MOVE, WAREHOUSE, f.key())
                .movement(new Movement(lot, f.location("A1"), AVAILABLE, f.location("A2"), AVAILABLE, 1))
                .occurredAt(dayAfter)
                .build());
        assertThat(late.occurredAt()).isEqualTo(dayAfter);
    }
}
