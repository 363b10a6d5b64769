package org.lotledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lotledger.catalog.location.LocationKind;

/**
 * Which postings tell fulfilment that allocatable stock appeared ({@link StockBecameAvailable#of}): legs landing
 * AVAILABLE in a STORAGE or PICK_FACE zone, net per warehouse and item. Plain Java over hand-made facts.
 */
class StockBecameAvailableTest {

    static final long WAREHOUSE = 7;
    static final long ITEM = 70;
    static final long OTHER_ITEM = 71;
    static final long LOT = 1;
    static final long LOT_OF_OTHER_ITEM = 2;
    static final long DOCK = 10;
    static final long SHELF = 11;
    static final long PICK_FACE = 12;
    static final long STAGING = 13;
    static final long ADJUSTMENT = 14;

    static StockFacts.LocationFacts at(long id, LocationKind kind, String zoneType) {
        return new StockFacts.LocationFacts(
                id, "L" + id, kind, true, WAREHOUSE, null, Set.of(), Set.of(), null, zoneType);
    }

    static final StockFacts FACTS = new StockFacts(
            Map.of(),
            Map.of(
                    LOT,
                    new StockFacts.LotFacts(LOT, "LL-1", ITEM, "AMBIENT", "EA", BigDecimal.ONE, "USD"),
                    LOT_OF_OTHER_ITEM,
                    new StockFacts.LotFacts(
                            LOT_OF_OTHER_ITEM, "LL-2", OTHER_ITEM, "AMBIENT", "EA", BigDecimal.ONE, "USD")),
            Map.of(
                    DOCK, at(DOCK, LocationKind.PHYSICAL, "RECEIVING_DOCK"),
                    SHELF, at(SHELF, LocationKind.PHYSICAL, "STORAGE"),
                    PICK_FACE, at(PICK_FACE, LocationKind.PHYSICAL, "PICK_FACE"),
                    STAGING, at(STAGING, LocationKind.PHYSICAL, "SHIPPING"),
                    ADJUSTMENT, at(ADJUSTMENT, LocationKind.ADJUSTMENT, null)),
            Map.of(),
            Map.of(),
            Map.of(),
            Instant.EPOCH,
            null);

    /** A posting of one or more movements: {lot, from, fromStatus, to, toStatus, quantity}. */
    static Posting posting(PostingType type, Object[]... movements) {
        List<Posting.Leg> legs = new ArrayList<>();
        for (Object[] m : movements) {
            BigDecimal q = BigDecimal.valueOf((Integer) m[5]);
            legs.add(leg(legs.size() + 1, (Long) m[0], (Long) m[1], (StockStatus) m[2], q.negate()));
            legs.add(leg(legs.size() + 1, (Long) m[0], (Long) m[3], (StockStatus) m[4], q));
        }
        return new Posting(
                99, type, null, null, null, "walt", Instant.EPOCH, Instant.EPOCH, null, "k", null, null, legs, false);
    }

    static Posting.Leg leg(int no, long lot, long location, StockStatus status, BigDecimal q) {
        return new Posting.Leg(no, lot, location, status, q, BigDecimal.ONE, "USD", q, no, q);
    }

    static Object[] move(long lot, long from, StockStatus fs, long to, StockStatus ts, int q) {
        return new Object[] {lot, from, fs, to, ts, q};
    }

    static final StockStatus AV = StockStatus.AVAILABLE;

    @Test
    void a_putaway_from_the_dock_to_a_shelf_names_the_item_and_warehouse() {
        assertThat(StockBecameAvailable.of(posting(PostingType.PUTAWAY, move(LOT, DOCK, AV, SHELF, AV, 5)), FACTS))
                .containsExactly(new StockBecameAvailable(99, PostingType.PUTAWAY, WAREHOUSE, List.of(ITEM)));
    }

    @Test
    void a_hold_released_on_the_shelf_counts_and_a_status_change_at_the_dock_does_not() {
        assertThat(StockBecameAvailable.of(
                        posting(PostingType.STATUS_CHANGE, move(LOT, SHELF, StockStatus.HOLD, SHELF, AV, 5)), FACTS))
                .extracting(StockBecameAvailable::itemIds)
                .containsExactly(List.of(ITEM));
        assertThat(StockBecameAvailable.of(
                        posting(PostingType.STATUS_CHANGE, move(LOT, DOCK, StockStatus.QUARANTINE, DOCK, AV, 5)),
                        FACTS))
                .isEmpty();
    }

    @Test
    void moves_within_allocatable_zones_and_picks_to_staging_add_nothing() {
        assertThat(StockBecameAvailable.of(posting(PostingType.MOVE, move(LOT, SHELF, AV, PICK_FACE, AV, 5)), FACTS))
                .isEmpty();
        assertThat(StockBecameAvailable.of(posting(PostingType.PICK, move(LOT, SHELF, AV, STAGING, AV, 5)), FACTS))
                .isEmpty();
    }

    @Test
    void an_opening_balance_of_two_items_names_both_and_only_the_one_that_gained() {
        assertThat(StockBecameAvailable.of(
                        posting(
                                PostingType.OPENING_BALANCE,
                                move(LOT, ADJUSTMENT, AV, PICK_FACE, AV, 3),
                                move(LOT_OF_OTHER_ITEM, ADJUSTMENT, AV, SHELF, AV, 4)),
                        FACTS))
                .extracting(StockBecameAvailable::itemIds)
                .containsExactly(List.of(ITEM, OTHER_ITEM));
        assertThat(StockBecameAvailable.of(
                        posting(
                                PostingType.MOVE,
                                move(LOT, SHELF, AV, PICK_FACE, AV, 3),
                                move(LOT_OF_OTHER_ITEM, DOCK, AV, SHELF, AV, 4)),
                        FACTS))
                .extracting(StockBecameAvailable::itemIds)
                .containsExactly(List.of(OTHER_ITEM));
    }
}
