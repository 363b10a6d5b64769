package org.lotledger.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerSelfAudit;
import org.lotledger.ledger.LedgerSelfAudit.ReservationLeak;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.VoidReason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's self-audit asks fulfilment which sales order lines no longer take stock ({@code SalesOrderDemands},
 * the ledger's {@code OpenDemands}): a pending reservation of a cancelled or fully shipped line is a reservation leak,
 * reported where the other findings go (the run, the {@code ledger} health group, the log); a healthy order is not.
 */
@IntegrationTest
class SalesOrderReservationLeaksTest {

    @Autowired
    AllocatingOrders allocating;

    @Autowired
    SalesOrdering ordering;

    @Autowired
    Reservations reservations;

    @Autowired
    LedgerSelfAudit audit;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    private static List<ReservationLeak> ofOrder(LedgerSelfAudit.AuditResult r, long orderId) {
        return r.reservationLeaks().stream()
                .filter(l -> l.demand() != null && l.demand().reference().equals(String.valueOf(orderId)))
                .toList();
    }

    private List<Long> pendingOf(long orderId, long lineId) {
        return reservations.forDemand("SALES_ORDER", String.valueOf(orderId), String.valueOf(lineId)).stream()
                .filter(r -> r.state() == Reservation.State.PENDING)
                .map(Reservation::id)
                .toList();
    }

    @Test
    void an_allocated_order_and_a_properly_cancelled_line_are_no_leak() {
        AllocationFixture x = new AllocationFixture(jdbc, ledger, 0);
        x.lot(200, "A1", 20);
        SalesOrderView order = ordering.place(x.order(5, 7), "erp");
        allocating.allocate(order.id(), AllocatingOrdersTest.OTTO);
        ordering.cancelLine(order.id(), order.lines().get(1).id(), null, "customer withdrew", "otto");
        assertThat(pendingOf(order.id(), order.lines().get(0).id())).hasSize(1);

        assertThat(ofOrder(audit.run("TEST"), order.id())).isEmpty();
    }

    @Test
    void pending_reservations_of_a_cancelled_and_of_a_shipped_line_are_reported_as_leaks() {
        AllocationFixture x = new AllocationFixture(jdbc, ledger, 0);
        long lot = x.lot(200, "A1", 20);
        SalesOrderView order = ordering.place(x.order(5, 7, 3), "erp");
        allocating.allocate(order.id(), AllocatingOrdersTest.OTTO);
        long cancelled = order.lines().get(0).id();
        long shipped = order.lines().get(1).id();
        List<Long> leakedCancelled = pendingOf(order.id(), cancelled);
        List<Long> leakedShipped = pendingOf(order.id(), shipped);
        // behind fulfilment's back: the lines end but their reservations are left PENDING
        jdbc.update("""
                update sales_order_line set allocated_base_quantity = 0, cancelled_base_quantity = ordered_base_quantity,
                       status = 'CANCELLED', cancelled_by = 'sql', cancel_reason = 'leak test' where id = ?""", cancelled);
        jdbc.update("""
                update sales_order_line set picked_base_quantity = allocated_base_quantity,
                       shipped_base_quantity = allocated_base_quantity, status = 'SHIPPED' where id = ?""", shipped);
        try {
            LedgerSelfAudit.AuditResult r = audit.run("TEST");

            assertThat(r.clean()).isFalse();
            assertThat(ofOrder(r, order.id()))
                    .extracting(
                            ReservationLeak::finding,
                            ReservationLeak::demand,
                            ReservationLeak::demandState,
                            ReservationLeak::lotId,
                            ReservationLeak::locationId,
                            ReservationLeak::reserved,
                            ReservationLeak::reservationIds)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(
                                    ReservationLeak.DEMAND_NOT_OPEN,
                                    AllocatingOrders.demandOf(order.id(), cancelled),
                                    "CANCELLED",
                                    lot,
                                    x.f.location("A1"),
                                    5L,
                                    leakedCancelled),
                            org.assertj.core.groups.Tuple.tuple(
                                    ReservationLeak.DEMAND_NOT_OPEN,
                                    AllocatingOrders.demandOf(order.id(), shipped),
                                    "SHIPPED",
                                    lot,
                                    x.f.location("A1"),
                                    7L,
                                    leakedShipped));
            assertThat(ofOrder(r, order.id()))
                    .allSatisfy(l -> assertThat(l.available()).isEqualByComparingTo("20"));
            assertThat(ofOrder(audit.lastResult(), order.id()))
                    .as("stored with the run and read back")
                    .hasSize(2);
            assertThat(jdbc.queryForObject(
                            "select discrepancy_count from ledger_audit_run where id = ?", Integer.class, r.runId()))
                    .isGreaterThanOrEqualTo(2);
            assertThat(http.getForEntity("/actuator/health/ledger", Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(pendingOf(order.id(), order.lines().get(2).id()))
                    .as("the open line's reservation is no leak")
                    .hasSize(1)
                    .allSatisfy(id -> assertThat(ofOrder(r, order.id()))
                            .noneMatch(l -> l.reservationIds().contains(id)));
        } finally {
            List<Long> all = new java.util.ArrayList<>(leakedCancelled);
            all.addAll(leakedShipped);
            reservations.voidPending(all, VoidReason.CANCELLED, AllocatingOrdersTest.OTTO);
        }
        assertThat(ofOrder(audit.run("TEST"), order.id())).isEmpty();
    }
}
