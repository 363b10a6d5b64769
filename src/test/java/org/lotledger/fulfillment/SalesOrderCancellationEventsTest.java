package org.lotledger.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.catalog.demo.DemoCatalogLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The seam for the reservations: every cancelled line publishes {@link SalesOrderLineCancelled} with what was open
 * of it, and a refused cancellation publishes nothing. Called on the service, in the test's thread, where the
 * events are recorded.
 */
@IntegrationTest
@RecordApplicationEvents
class SalesOrderCancellationEventsTest {

    @Autowired
    SalesOrdering ordering;

    @Autowired
    ApplicationEvents events;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    SalesOrderView placed() {
        return ordering.place(
                new SalesOrderDraft(
                        "ERP",
                        "SO-EV-" + UUID.randomUUID().toString().substring(0, 8),
                        DemoCatalogLoader.CUS_MERCY_HOSPITAL,
                        DemoCatalogLoader.EAST,
                        LocalDate.now().plusDays(2),
                        null,
                        List.of(line(DemoCatalogLoader.SKU_GLOVES_M, 40), line(DemoCatalogLoader.SKU_SYRINGE, 15))),
                "erp");
    }

    static SalesOrderDraft.Line line(String sku, int quantity) {
        return new SalesOrderDraft.Line(
                sku, null, BigDecimal.valueOf(quantity), "EA", new BigDecimal("1.00"), "USD", null, null);
    }

    @Test
    void cancelling_an_order_publishes_one_event_per_open_line_with_its_open_quantity() {
        SalesOrderView order = placed();
        SalesOrderView afterLine =
                ordering.cancelLine(order.id(), order.lines().get(1).id(), order.version(), "swap", "otto");
        ordering.cancel(order.id(), afterLine.version(), "withdrawn", "otto");

        List<SalesOrderLineCancelled> published =
                events.stream(SalesOrderLineCancelled.class).toList();
        assertThat(published)
                .extracting(
                        SalesOrderLineCancelled::salesOrderLineId,
                        SalesOrderLineCancelled::cancelledBaseQuantity,
                        SalesOrderLineCancelled::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(order.lines().get(1).id(), 15L, "swap"),
                        org.assertj.core.groups.Tuple.tuple(order.lines().get(0).id(), 40L, "withdrawn"));
        assertThat(published).allSatisfy(e -> {
            assertThat(e.salesOrderId()).isEqualTo(order.id());
            assertThat(e.warehouseId()).isEqualTo(order.warehouseId());
            assertThat(e.actor()).isEqualTo("otto");
        });
    }

    @Test
    void a_refused_cancellation_publishes_nothing() {
        SalesOrderView order = placed();
        assertThatThrownBy(() -> ordering.cancel(order.id(), order.version() + 7, null, "otto"))
                .isInstanceOfSatisfying(
                        org.lotledger.common.DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("VERSION_CONFLICT"));
        assertThat(events.stream(SalesOrderLineCancelled.class)).isEmpty();
    }

    @Test
    void an_order_with_a_shipped_line_is_refused_before_any_line_is_cancelled_or_announced() {
        SalesOrderView order = placed();
        // what shipping (a later section) will keep, on the second line
        jdbc.update(
                "update sales_order_line set allocated_base_quantity = 15, picked_base_quantity = 15,"
                        + " shipped_base_quantity = 15, status = 'SHIPPED' where id = ?",
                order.lines().get(1).id());
        assertThatThrownBy(() -> ordering.cancel(order.id(), null, null, "otto"))
                .isInstanceOfSatisfying(
                        org.lotledger.common.DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("SALES_ORDER_LINE_SHIPPED"));
        assertThat(events.stream(SalesOrderLineCancelled.class)).isEmpty();
    }
}
