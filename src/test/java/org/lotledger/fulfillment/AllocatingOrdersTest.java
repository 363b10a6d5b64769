package org.lotledger.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.allocation.BackorderReason;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;
import org.lotledger.quality.HoldReason;
import org.lotledger.quality.HoldScope;
import org.lotledger.quality.PlacingHold;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The allocation service on the real database: FEFO split over lots, backorders with their reasons, deciding again
 * when a candidate is taken between the facts read and the reservations written, cancel voiding, a hold after
 * allocation voiding and re-allocating, and the midnight expiry job.
 */
@IntegrationTest
class AllocatingOrdersTest {

    static final Actor OTTO = new Actor("otto", Set.of("operations"));
    static final Actor QUINN = new Actor("quinn", Set.of("quality"));

    @Autowired
    AllocatingOrders allocating;

    @Autowired
    SalesOrdering ordering;

    @Autowired
    Reservations reservations;

    @Autowired
    ExpiringReservations expiryJob;

    @Autowired
    PlacingHold holds;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void noHook() {
        allocating.beforeWrite(null);
    }

    AllocationFixture fixture(int customerMin) {
        return new AllocationFixture(jdbc, ledger, customerMin);
    }

    static List<AllocationView.ReservationLine> pending(AllocationView.Line l) {
        return l.reservations().stream()
                .filter(r -> r.state().equals("PENDING"))
                .toList();
    }

    @Test
    void fefo_splits_a_line_over_lots_earliest_expiry_first_and_allocating_again_is_a_no_op() {
        AllocationFixture x = fixture(0);
        long late = x.lot(300, "A1", 10);
        long early = x.lot(100, "A1", 10);
        long middle = x.lot(200, "A2", 10);
        SalesOrderView order = ordering.place(x.order(25), "erp");

        AllocationView v = allocating.allocate(order.id(), OTTO);

        AllocationView.Line line = v.lines().get(0);
        assertThat(line.reservations())
                .extracting(AllocationView.ReservationLine::lotId, AllocationView.ReservationLine::quantity)
                .containsExactly(tuple(early, 10L), tuple(middle, 10L), tuple(late, 5L));
        assertThat(line.reservations()).allSatisfy(r -> {
            assertThat(r.ruleIds()).anyMatch(id -> id.startsWith("ALLOC-0"));
            assertThat(r.state()).isEqualTo("PENDING");
            assertThat(r.lotLabel()).isNotBlank();
            assertThat(r.locationCode()).startsWith(x.f.tag);
        });
        assertThat(line.status()).isEqualTo(SalesOrderLineStatus.ALLOCATED);
        assertThat(line.allocatedBaseQuantity()).isEqualTo(25);
        assertThat(line.backorders()).isEmpty();
        assertThat(v.status()).isEqualTo(SalesOrderStatus.ALLOCATED);

        AllocationView again = allocating.allocate(order.id(), OTTO);
        assertThat(again.attempts()).isZero();
        assertThat(again.lines().get(0).reservations()).hasSize(3);
        assertThat(allocating.get(order.id())).isEqualTo(again);
    }

    @Test
    void what_cannot_be_covered_is_backordered_per_reason() {
        AllocationFixture x = fixture(180);
        x.lot(-1, "A1", 10); // expired
        x.lot(30, "A1", 10); // short of the customer's 180 days
        long good = x.lot(400, "A2", 5);
        SalesOrderView order = ordering.place(x.order(30), "erp");

        AllocationView.Line line = allocating.allocate(order.id(), OTTO).lines().get(0);

        assertThat(pending(line))
                .extracting(AllocationView.ReservationLine::lotId, AllocationView.ReservationLine::quantity)
                .containsExactly(tuple(good, 5L));
        assertThat(line.backorders())
                .extracting(AllocationView.BackorderLine::reason, AllocationView.BackorderLine::quantity)
                .containsExactlyInAnyOrder(
                        tuple(BackorderReason.EXPIRED, 10L),
                        tuple(BackorderReason.SHELF_LIFE_TOO_SHORT, 10L),
                        tuple(BackorderReason.NONE_ON_HAND, 5L));
        assertThat(line.status()).isEqualTo(SalesOrderLineStatus.PARTIALLY_ALLOCATED);
        assertThat(line.allocatedBaseQuantity() + line.backorderedBaseQuantity())
                .isEqualTo(30);
    }

    @Test
    void a_candidate_taken_between_the_facts_and_the_write_makes_the_line_decide_again() {
        AllocationFixture x = fixture(0);
        long first = x.lot(100, "A1", 10);
        long second = x.lot(200, "A1", 10);
        SalesOrderView order = ordering.place(x.order(8), "erp");
        long a1 = x.f.location("A1");
        int[] calls = {0};
        allocating.beforeWrite(facts -> {
            if (calls[0]++ == 0) {
                reservations.reserve(
                        new Reservations.ReserveRequest(
                                new Reservation.Demand("SALES_ORDER", "OTHER-" + x.f.tag, "1"), first, a1, 5, null),
                        OTTO,
                        UUID.randomUUID().toString());
            }
        });

        AllocationView v = allocating.allocate(order.id(), OTTO);

        assertThat(v.attempts()).isEqualTo(2);
        assertThat(pending(v.lines().get(0)))
                .extracting(AllocationView.ReservationLine::lotId, AllocationView.ReservationLine::quantity)
                .containsExactly(tuple(first, 5L), tuple(second, 3L));
        assertThat(x.overReserved()).isZero();
    }

    @Test
    void cancelling_a_line_voids_its_reservations_and_its_backorder() {
        AllocationFixture x = fixture(0);
        x.lot(100, "A1", 6);
        SalesOrderView order = ordering.place(x.order(10), "erp");
        allocating.allocate(order.id(), OTTO);

        ordering.cancelLine(order.id(), order.lines().get(0).id(), null, "customer withdrew", "otto");

        AllocationView.Line line = allocating.get(order.id()).lines().get(0);
        assertThat(line.reservations()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo("VOIDED");
            assertThat(r.voidReason()).isEqualTo("CANCELLED");
        });
        assertThat(line.backorders()).isEmpty();
        assertThat(line.status()).isEqualTo(SalesOrderLineStatus.CANCELLED);
        assertThatThrownBy(() -> allocating.allocate(order.id(), OTTO))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("SALES_ORDER_NOT_OPEN");
    }

    @Test
    void a_hold_after_allocation_voids_and_the_line_is_allocated_again_or_backordered_as_held() {
        AllocationFixture x = fixture(0);
        long held = x.lot(100, "A1", 10);
        long other = x.lot(200, "A2", 10);
        SalesOrderView order = ordering.place(x.order(15), "erp");
        allocating.allocate(order.id(), OTTO);

        holds.place(
                new PlacingHold.HoldRequest(HoldScope.LOT, held, null, HoldReason.CUSTOMER_COMPLAINT, "test"),
                QUINN,
                UUID.randomUUID().toString());

        AllocationView.Line line = allocating.get(order.id()).lines().get(0);
        assertThat(line.reservations())
                .filteredOn(r -> r.lotId() == held)
                .singleElement()
                .satisfies(r -> assertThat(r.voidReason()).isEqualTo("HOLD"));
        assertThat(pending(line))
                .extracting(AllocationView.ReservationLine::lotId, AllocationView.ReservationLine::quantity)
                .containsExactly(tuple(other, 5L), tuple(other, 5L));
        assertThat(line.backorders())
                .extracting(AllocationView.BackorderLine::reason, AllocationView.BackorderLine::quantity)
                .containsExactly(tuple(BackorderReason.HELD_OR_QUARANTINED, 5L));
        assertThat(line.allocatedBaseQuantity()).isEqualTo(10);
        assertThat(line.status()).isEqualTo(SalesOrderLineStatus.PARTIALLY_ALLOCATED);
    }

    @Test
    void the_midnight_job_voids_expired_and_short_dated_reservations_and_allocates_again() {
        AllocationFixture x = fixture(0);
        long expiring = x.lot(100, "A1", 10);
        long fallsShort = x.lot(150, "P1", 10);
        long spare = x.lot(300, "A2", 30);
        SalesOrderView order = ordering.place(x.order(10, 10), "erp");
        allocating.allocate(order.id(), OTTO);
        AllocationView before = allocating.get(order.id());
        assertThat(pending(before.lines().get(0)))
                .extracting(AllocationView.ReservationLine::lotId)
                .containsExactly(expiring);
        assertThat(pending(before.lines().get(1)))
                .extracting(AllocationView.ReservationLine::lotId)
                .containsExactly(fallsShort);
        jdbc.update("update item set min_remaining_shelf_life_at_shipment_days = 10 where id = ?", x.f.itemId);
        x.expiry(expiring, 0); // expires today
        x.expiry(fallsShort, 5); // 5 days left, the item asks for 10

        ExpiringReservations.Result r = expiryJob.runAt(java.time.Instant.now(), List.of(x.f.warehouseId));

        assertThat(r).isEqualTo(new ExpiringReservations.Result(1, 1, 1));
        AllocationView after = allocating.get(order.id());
        assertThat(after.lines().get(0).reservations())
                .extracting(
                        AllocationView.ReservationLine::lotId,
                        AllocationView.ReservationLine::state,
                        AllocationView.ReservationLine::voidReason)
                .containsExactly(tuple(expiring, "VOIDED", "EXPIRY"), tuple(spare, "PENDING", null));
        assertThat(after.lines().get(1).reservations())
                .extracting(
                        AllocationView.ReservationLine::lotId,
                        AllocationView.ReservationLine::state,
                        AllocationView.ReservationLine::voidReason)
                .containsExactly(tuple(fallsShort, "VOIDED", "SHELF_LIFE"), tuple(spare, "PENDING", null));
        assertThat(after.lines())
                .allSatisfy(l -> assertThat(l.allocatedBaseQuantity()).isEqualTo(10));
        // the same local date again: nothing to do
        assertThat(expiryJob.runAt(java.time.Instant.now(), List.of(x.f.warehouseId)))
                .isEqualTo(new ExpiringReservations.Result(0, 0, 0));
    }

    @Test
    void a_backordered_line_is_allocated_again_when_new_stock_is_put_away_and_not_before() {
        AllocationFixture x = fixture(0);
        SalesOrderView order = ordering.place(x.order(10), "erp");
        AllocationView.Line backordered =
                allocating.allocate(order.id(), OTTO).lines().get(0);
        assertThat(backordered.backorders())
                .extracting(AllocationView.BackorderLine::reason, AllocationView.BackorderLine::quantity)
                .containsExactly(tuple(BackorderReason.NONE_ON_HAND, 10L));

        // received into quarantine and accepted where it is, as an inspection accepts stock at the dock: AVAILABLE,
        // but in a zone allocation does not take stock from
        long lot = x.lot(200, null, 0);
        x.f.stock(ledger, lot, "Q1", StockStatus.QUARANTINE, 12);
        ledger.post(PostingRequest.of(PostingType.STATUS_CHANGE, LedgerFixtures.QUALITY, x.f.key())
                .movement(new Movement(
                        lot, x.f.location("Q1"), StockStatus.QUARANTINE, x.f.location("Q1"), StockStatus.AVAILABLE, 12))
                .build());
        assertThat(allocating.get(order.id()).lines().get(0).backorders())
                .as("nothing allocatable yet: still backordered")
                .extracting(AllocationView.BackorderLine::quantity)
                .containsExactly(10L);

        ledger.post(PostingRequest.of(PostingType.PUTAWAY, LedgerFixtures.WAREHOUSE, x.f.key())
                .movement(new Movement(
                        lot, x.f.location("Q1"), StockStatus.AVAILABLE, x.f.location("A1"), StockStatus.AVAILABLE, 12))
                .build());

        AllocationView after = allocating.get(order.id());
        AllocationView.Line line = after.lines().get(0);
        assertThat(pending(line))
                .extracting(
                        AllocationView.ReservationLine::lotId,
                        AllocationView.ReservationLine::locationCode,
                        AllocationView.ReservationLine::quantity)
                .containsExactly(tuple(lot, x.f.tag + "-A1", 10L));
        assertThat(line.backorders()).isEmpty();
        assertThat(line.status()).isEqualTo(SalesOrderLineStatus.ALLOCATED);
        assertThat(after.status()).isEqualTo(SalesOrderStatus.ALLOCATED);
    }
}
