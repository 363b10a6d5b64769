package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.fulfillment.ExpiringReservations;
import org.lotledger.ledger.Ledger;
import org.lotledger.support.HttpReply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The midnight expiry job covers TRANSFER_ORDER reservations too: at the origin's midnight an expired lot's
 * reservation is voided (EXPIRY), one with fewer days left than the item's minimum at shipment (SHELF_LIFE), and the
 * transfer line's allocated quantity follows the void ({@code TransferReservationsWiring}).
 */
@IntegrationTest
class TransferReservationsExpireTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    ExpiringReservations expiryJob;

    @Test
    void expired_and_short_dated_transfer_reservations_are_voided_at_the_origins_midnight() {
        TransferFixture fx = new TransferFixture(jdbc, ledger, json, port, 10, 10);
        jdbc.update("update item set min_remaining_shelf_life_at_shipment_days = 10 where sku = ?", fx.f.sku);
        HttpReply placed = fx.place(fx.order(fx.bySku(20)));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        long id = placed.id();
        HttpReply allocated = fx.otto.post("/api/transfer-orders/" + id + "/allocation", null);
        assertThat(allocated.status()).as(allocated.text()).isEqualTo(200);
        assertThat(allocatedOf(id)).isEqualTo(20);

        // the run's local date at EAST: today, or the day after EAST's last run (the job runs once per local date)
        long east = jdbc.queryForObject("select id from warehouse where code = 'EAST'", Long.class);
        ZoneId zone =
                ZoneId.of(jdbc.queryForObject("select time_zone from warehouse where id = ?", String.class, east));
        LocalDate day = LocalDate.now(zone);
        List<LocalDate> last = jdbc.queryForList(
                "select last_local_date from allocation_expiry_run where warehouse_id = ?", LocalDate.class, east);
        if (!last.isEmpty() && !day.isAfter(last.get(0))) {
            day = last.get(0).plusDays(1);
        }
        // lot A expires on the run's day; lot B has 5 days left, the item asks for 10 at shipment
        jdbc.update("update lot set expires_on = ? where id = ?", day, fx.lotA);
        jdbc.update("update lot set expires_on = ? where id = ?", day.plusDays(5), fx.lotB);
        Instant noon = day.atTime(12, 0).atZone(zone).toInstant();

        ExpiringReservations.Result r = expiryJob.runAt(noon, List.of(east));

        assertThat(r.warehouses()).isEqualTo(1);
        assertThat(jdbc.queryForList("""
                        select lot_id || ' ' || state || ' ' || coalesce(void_reason, '-') from stock_reservation
                         where demand_type = 'TRANSFER_ORDER' and demand_reference = ? order by lot_id""", String.class, String.valueOf(id)))
                .containsExactlyInAnyOrder(fx.lotA + " VOIDED EXPIRY", fx.lotB + " VOIDED SHELF_LIFE");
        assertThat(allocatedOf(id)).as("the line's allocation follows the void").isZero();
    }

    private long allocatedOf(long orderId) {
        return jdbc.queryForObject(
                        "select sum(allocated_base_quantity) from transfer_order_line where transfer_order_id = ?",
                        BigDecimal.class,
                        orderId)
                .longValueExact();
    }
}
