package org.lotledger.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lotledger.ledger.StockStatus.AVAILABLE;
import static org.lotledger.ledger.StockStatus.HOLD;

import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.AdjustingStock;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.MovingStock;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.ReversingPostings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stock in HOLD exists only under a hold: no posting creates or removes HOLD stock unless, in the same transaction,
 * an open hold adopts it or a hold records what became of it. Each refusal posts nothing.
 */
@IntegrationTest
class StockInHoldOnlyUnderAHoldTest {

    @Autowired
    Ledger ledger;

    @Autowired
    AdjustingStock adjusting;

    @Autowired
    MovingStock moving;

    @Autowired
    ReversingPostings reversing;

    @Autowired
    PlacingHold placing;

    @Autowired
    ReleasingHold releasing;

    @Autowired
    JdbcTemplate jdbc;

    LedgerFixtures f;

    @BeforeEach
    void warehouse() {
        f = new LedgerFixtures(jdbc);
    }

    @Test
    void an_opening_balance_or_an_adjustment_in_hold_is_refused_without_a_hold() {
        long lot = f.newLot();
        long before = postings();
        assertThatThrownBy(() -> f.stock(ledger, lot, "A1", HOLD, 6))
                .as("held before go-live, by no hold")
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("HOLD_STOCK_OUTSIDE_HOLD");
        assertThatThrownBy(() -> adjusting.adjust(
                        new AdjustingStock.Adjustment(
                                f.labelOf(lot),
                                f.barcode("A1"),
                                HOLD,
                                BigDecimal.valueOf(3),
                                "EA",
                                "COUNT_VARIANCE",
                                null,
                                null),
                        LedgerFixtures.INVENTORY,
                        f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("HOLD_STOCK_OUTSIDE_HOLD");
        assertThat(postings()).isEqualTo(before);
        assertThat(f.balancesOf(lot)).isEmpty();
    }

    @Test
    void held_stock_leaves_hold_only_through_its_hold() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 20);
        PlacingHold.Placed placed = placing.place(
                new PlacingHold.HoldRequest(HoldScope.LOT, lot, null, HoldReason.INVESTIGATION, null),
                LedgerFixtures.QUALITY,
                f.key());
        long before = postings();

        // a count that finds less, posted without the hold recording it as not found
        assertThatThrownBy(() -> adjusting.adjust(
                        new AdjustingStock.Adjustment(
                                f.labelOf(lot),
                                f.barcode("A1"),
                                HOLD,
                                BigDecimal.valueOf(-2),
                                "EA",
                                "COUNT_VARIANCE",
                                null,
                                null),
                        LedgerFixtures.INVENTORY,
                        f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("HOLD_STOCK_OUTSIDE_HOLD");
        // quality releasing by hand instead of through the hold
        assertThatThrownBy(
                        () -> ledger.post(PostingRequest.of(PostingType.STATUS_CHANGE, LedgerFixtures.QUALITY, f.key())
                                .movement(new Movement(lot, f.location("A1"), HOLD, f.location("A1"), AVAILABLE, 20))
                                .build()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("HOLD_STOCK_OUTSIDE_HOLD");
        // undoing the hold's posting behind its back
        assertThatThrownBy(() -> reversing.reverse(
                        placed.hold().placePostingId(), "DATA_ENTRY_ERROR", null, LedgerFixtures.INVENTORY, f.key()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("HOLD_STOCK_OUTSIDE_HOLD");
        assertThat(postings()).isEqualTo(before);
        assertThat(f.balancesOf(lot)).contains("A1 HOLD 20");

        releasing.release(placed.hold().id(), null, "cleared", new Actor("maria", Set.of("quality-managers")), f.key());
        assertThat(f.balancesOf(lot)).contains("A1 AVAILABLE 20").noneMatch(r -> r.contains(" HOLD "));
    }

    @Test
    void quality_moving_held_stock_that_no_hold_answers_for_at_its_source_is_refused() {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", AVAILABLE, 20);
        long holdId = placing.place(
                        new PlacingHold.HoldRequest(HoldScope.LOT, lot, null, HoldReason.INVESTIGATION, null),
                        LedgerFixtures.QUALITY,
                        f.key())
                .hold()
                .id();
        // the book says 5 less than the ledger holds at A1 (a repair gone wrong): 5 of the 20 have no hold
        jdbc.update("""
                insert into quality_hold_outcome (hold_id, outcome, lot_id, location_id, quantity, request_key, decided_by)
                values (?, 'NOT_FOUND', ?, ?, 5, 'test', 'test')""", holdId, lot, f.location("A1"));
        try {
            assertThatThrownBy(() -> moving.move(
                            new MovingStock.ScanMove(
                                    null,
                                    f.labelOf(lot),
                                    f.barcode("A1"),
                                    f.barcode("A2"),
                                    BigDecimal.valueOf(20),
                                    "EA",
                                    HOLD,
                                    null),
                            LedgerFixtures.QUALITY,
                            f.key()))
                    .extracting(e -> ((DomainException) e).code())
                    .isEqualTo("HOLD_STOCK_OUTSIDE_HOLD");
            assertThat(f.balancesOf(lot)).contains("A1 HOLD 20");
            moving.move(
                    new MovingStock.ScanMove(
                            null,
                            f.labelOf(lot),
                            f.barcode("A1"),
                            f.barcode("A2"),
                            BigDecimal.valueOf(15),
                            "EA",
                            HOLD,
                            null),
                    LedgerFixtures.QUALITY,
                    f.key());
            assertThat(f.balancesOf(lot)).contains("A1 HOLD 5", "A2 HOLD 15");
        } finally {
            // put the book right again (the audit reads the whole database): the hold answers for the 5 left at A1
            jdbc.update("""
                    insert into quality_hold_movement (hold_id, lot_id, location_id, quantity, posting_id)
                    values (?, ?, ?, 5, (select place_posting_id from quality_hold where id = ?))""", holdId, lot, f.location("A1"), holdId);
            releasing.release(holdId, null, "cleared", new Actor("maria", Set.of("quality-managers")), f.key());
        }
        assertThat(f.balancesOf(lot)).contains("A1 AVAILABLE 5", "A2 AVAILABLE 15");
    }

    @Test
    void a_hold_is_placed_and_released_in_place_on_a_pick_face_whose_zone_takes_only_available_stock() {
        LedgerFixtures ambient = new LedgerFixtures(jdbc, "AMBIENT");
        long lot = ambient.newLot();
        ambient.stock(ledger, lot, "P1", AVAILABLE, 8);
        long holdId = placing.place(
                        new PlacingHold.HoldRequest(HoldScope.LOT, lot, null, HoldReason.INVESTIGATION, null),
                        LedgerFixtures.QUALITY,
                        ambient.key())
                .hold()
                .id();
        assertThat(ambient.balancesOf(lot))
                .as("zones constrain arrivals, not status changes in place")
                .contains("P1 HOLD 8")
                .doesNotContain("P1 AVAILABLE 8");
        releasing.release(holdId, null, "cleared", new Actor("maria", Set.of("quality-managers")), ambient.key());
        assertThat(ambient.balancesOf(lot)).contains("P1 AVAILABLE 8").noneMatch(r -> r.contains(" HOLD "));
    }

    private long postings() {
        return jdbc.queryForObject("select count(*) from posting", Long.class);
    }
}
