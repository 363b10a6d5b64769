package org.lotledger.fulfillment.picking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.fulfillment.AllocationOverridden;
import org.lotledger.fulfillment.SalesOrderView;
import org.lotledger.fulfillment.SalesOrdering;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.ReservationsVoided;
import org.lotledger.ledger.VoidReason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Short picks (partial and nothing found) with their pick exceptions and the SHORT_PICK voids the allocation hears
 * of; the override seam (a swapped reservation repoints the open line, the pick cites the override); a voided
 * reservation (a cancelled order line) voids its line and a task without lines left is CANCELLED.
 */
@IntegrationTest
@RecordApplicationEvents
class ShortPicksAndOverridesTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Reservations reservations;

    @Autowired
    SalesOrdering ordering;

    @Autowired
    PickTasks tasks;

    @Autowired
    ConfirmingPicks confirming;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEvents events;

    PickingFixtures f;
    long lotA;
    long lotB;
    long orderId;
    long line1;
    long line2;
    Reservation resA;
    Reservation resB;

    @BeforeEach
    void stock() {
        f = new PickingFixtures(jdbc);
        lotA = f.lot(f.supplierA, "A" + f.tag, LocalDate.now().plusDays(300));
        lotB = f.lot(f.supplierA, "B" + f.tag, LocalDate.now().plusDays(320));
        f.stock(ledger, lotA, "S1", 50);
        f.stock(ledger, lotB, "S2", 50);
        SalesOrderView o = f.order(ordering, 10, 5);
        orderId = o.id();
        line1 = o.lines().get(0).id();
        line2 = o.lines().get(1).id();
        resA = f.reserve(reservations, orderId, line1, lotA, "S1", 10);
        resB = f.reserve(reservations, orderId, line2, lotB, "S2", 5);
    }

    PickConfirmation pick(long lot, String location, long quantity, Boolean shortPick, String reason) {
        return new PickConfirmation(
                f.barcode(location), f.gs1(lot), BigDecimal.valueOf(quantity), "EA", f.shipBarcode, shortPick, reason);
    }

    List<ReservationsVoided> shortPickEvents() {
        return events.stream(ReservationsVoided.class)
                .filter(e -> e.reason() == VoidReason.SHORT_PICK)
                .toList();
    }

    @Test
    void a_partial_short_pick_posts_what_was_found_voids_the_rest_and_keeps_an_exception() {
        PickTaskView t = tasks.create(orderId, PickingFixtures.WALT);
        PickTaskView.Line l = confirming.confirm(
                t.id(),
                t.lines().get(0).id(),
                pick(lotA, "S1", 6, true, "NOT_FOUND"),
                PickingFixtures.WALT,
                f.tag + "-1");
        assertThat(l.pickedQuantity()).isEqualTo(6);
        assertThat(l.shortPickReason()).isEqualTo("NOT_FOUND");
        assertThat(f.balance(lotA, f.location("S1"))).isEqualTo(44);
        assertThat(f.balance(lotA, f.ship)).isEqualTo(6);
        Map<String, Object> r = jdbc.queryForMap(
                "select state, posted_quantity::bigint as posted from stock_reservation where id = ?", resA.id());
        assertThat(r).containsEntry("state", "POSTED").containsEntry("posted", 6L);
        assertThat(reservations.get(l.stagedReservationId()).quantity()).isEqualTo(6);
        assertThat(shortPickEvents()).singleElement().satisfies(e -> {
            assertThat(e.reservations()).singleElement().satisfies(v -> {
                assertThat(v.id()).isEqualTo(resA.id());
                assertThat(v.quantity()).isEqualTo(4);
            });
            assertThat(e.postingId()).isEqualTo(l.postingId());
        });
        assertThat(tasks.exceptions("EAST", PickingFixtures.WALT))
                .filteredOn(x -> x.pickLineId() == l.id())
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.expectedQuantity()).isEqualTo(10);
                    assertThat(x.foundQuantity()).isEqualTo(6);
                    assertThat(x.reasonCode()).isEqualTo("NOT_FOUND");
                    assertThat(x.reportedBy()).isEqualTo("walt");
                    assertThat(x.locationCode()).isEqualTo(f.barcode("S1"));
                });
        assertThat(jdbc.queryForObject(
                        "select picked_base_quantity::bigint from sales_order_line where id = ?", Long.class, line1))
                .isEqualTo(6);
    }

    @Test
    void nothing_found_posts_nothing_voids_the_reservation_and_the_last_line_finishes_the_task() {
        PickTaskView t = tasks.create(orderId, PickingFixtures.WALT);
        long postings = f.postings();
        PickTaskView.Line l = confirming.confirm(
                t.id(), t.lines().get(1).id(), pick(lotB, "S2", 0, true, null), PickingFixtures.WALT, f.tag + "-0");
        assertThat(f.postings()).isEqualTo(postings);
        assertThat(l.state()).isEqualTo("DONE");
        assertThat(l.pickedQuantity()).isZero();
        assertThat(l.postingId()).isNull();
        assertThat(reservations.get(resB.id()).state()).isEqualTo(Reservation.State.VOIDED);
        assertThat(reservations.get(resB.id()).voidReason()).isEqualTo(VoidReason.SHORT_PICK);
        assertThat(shortPickEvents())
                .singleElement()
                .satisfies(e -> assertThat(e.reservations())
                        .extracting(Reservation::quantity)
                        .containsExactly(5L));
        assertThat(f.balance(lotB, f.location("S2"))).isEqualTo(50);
        assertThat(tasks.exceptions("EAST", PickingFixtures.OTTO))
                .filteredOn(x -> x.pickLineId() == l.id())
                .singleElement()
                .satisfies(x -> assertThat(x.foundQuantity()).isZero());
        confirming.confirm(
                t.id(), t.lines().get(0).id(), pick(lotA, "S1", 10, null, null), PickingFixtures.WALT, f.tag + "-2");
        assertThat(tasks.get(t.id()).state()).isEqualTo(PickTaskState.DONE);
    }

    @Test
    void an_override_repoints_the_open_line_and_the_pick_cites_it() {
        long lotC = f.lot(f.supplierA, "C" + f.tag, LocalDate.now().plusDays(400));
        f.stock(ledger, lotC, "S3", 20);
        PickTaskView t = tasks.create(orderId, PickingFixtures.WALT);
        long overrideId = 7_000_000L + Math.abs(UUID.randomUUID().hashCode() % 1_000_000);
        Reservation now = new TransactionTemplate(transactions).execute(s -> {
            reservations.voidPending(List.of(resA.id()), VoidReason.OVERRIDE, PickingFixtures.OTTO);
            jdbc.update(
                    "update sales_order_line set allocated_base_quantity = allocated_base_quantity - 10 where id = ?",
                    line1);
            Reservation n = f.reserve(reservations, orderId, line1, lotC, "S3", 10);
            publisher.publishEvent(new AllocationOverridden(overrideId, orderId, line1, resA.id(), n.id()));
            return n;
        });
        PickTaskView.Line line = tasks.get(t.id()).lines().get(0);
        assertThat(line.reservationId()).isEqualTo(now.id());
        assertThat(line.lotId()).isEqualTo(lotC);
        assertThat(line.locationCode()).isEqualTo(f.barcode("S3"));
        assertThat(line.overrideId()).isEqualTo(overrideId);
        assertThat(line.state()).isEqualTo("OPEN");
        PickTaskView.Line done = confirming.confirm(
                t.id(), line.id(), pick(lotC, "S3", 10, null, null), PickingFixtures.WALT, f.tag + "-o");
        assertThat(jdbc.queryForMap("select reference_type, reference_id from posting where id = ?", done.postingId()))
                .containsEntry("reference_type", "ALLOCATION_OVERRIDE")
                .containsEntry("reference_id", String.valueOf(overrideId));
        assertThat(f.balance(lotC, f.ship)).isEqualTo(10);
    }

    @Test
    void a_cancelled_line_voids_its_pick_line_and_a_task_without_lines_is_cancelled() {
        PickTaskView t = tasks.create(orderId, PickingFixtures.WALT);
        reservations.voidPending(List.of(resA.id(), resB.id()), VoidReason.CANCELLED, PickingFixtures.OTTO);
        PickTaskView after = tasks.get(t.id());
        assertThat(after.lines()).extracting(PickTaskView.Line::state).containsExactly("VOIDED", "VOIDED");
        assertThat(after.state()).isEqualTo(PickTaskState.CANCELLED);
    }
}
