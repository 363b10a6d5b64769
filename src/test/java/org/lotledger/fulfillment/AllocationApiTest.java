package org.lotledger.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The allocation endpoints through HTTP: allocate (door, replay), read, 404 and 409 with nothing stored. */
@IntegrationTest
class AllocationApiTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    SalesOrdering ordering;

    record Reply(int status, JsonNode body, HttpHeaders headers) {}

    Reply send(String user, HttpMethod method, String path, String key) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        ResponseEntity<String> r = rest.withBasicAuth(user, user + "-demo")
                .exchange(path, method, new HttpEntity<>(null, headers), String.class);
        JsonNode node = r.getBody() == null || r.getBody().isBlank() ? json.nullNode() : json.readTree(r.getBody());
        return new Reply(r.getStatusCode().value(), node, r.getHeaders());
    }

    long reservations(long orderId) {
        return jdbc.queryForObject(
                "select count(*) from stock_reservation where demand_type = 'SALES_ORDER' and demand_reference = ?",
                Long.class,
                String.valueOf(orderId));
    }

    @Test
    void otto_allocates_through_the_door_and_the_erp_reads_the_allocation() throws Exception {
        AllocationFixture x = new AllocationFixture(jdbc, ledger, 0);
        long lot = x.lot(100, "A1", 10);
        x.lot(200, "A2", 10);
        SalesOrderView order = ordering.place(x.order(12, 30), "erp");
        String path = "/api/sales-orders/" + order.id() + "/allocation";
        String key = UUID.randomUUID().toString();

        Reply first = send("otto", HttpMethod.POST, path, key);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().at("/lines/0/reservations/0/lotId").asLong()).isEqualTo(lot);
        assertThat(first.body().at("/lines/0/reservations/0/lotNumber").asText())
                .isNotBlank();
        assertThat(first.body().at("/lines/0/reservations/0/expiry").asText()).isNotBlank();
        assertThat(first.body().at("/lines/0/reservations/0").has("expiresOn")).isFalse();
        assertThat(first.body().at("/lines/0/reservations/0/ruleIds").isArray()).isTrue();
        assertThat(first.body().at("/lines/0/status").asText()).isEqualTo("ALLOCATED");
        assertThat(first.body().at("/lines/1/backorders/0/reason").asText()).isEqualTo("NONE_ON_HAND");
        assertThat(first.body().at("/lines/1/backorders/0/quantity").asLong()).isEqualTo(22);
        long made = reservations(order.id());

        Reply replay = send("otto", HttpMethod.POST, path, key);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(reservations(order.id())).isEqualTo(made);

        Reply read = send("erp", HttpMethod.GET, path, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().at("/lines/0/allocatedBaseQuantity").asLong()).isEqualTo(12);
        assertThat(read.body().at("/lines/1/allocatedBaseQuantity").asLong()).isEqualTo(8);
        assertThat(read.body().at("/status").asText()).isEqualTo("PARTIALLY_ALLOCATED");
    }

    @Test
    void an_unknown_order_is_404_and_a_cancelled_one_409_with_nothing_stored() throws Exception {
        Reply unknown = send(
                "otto",
                HttpMethod.POST,
                "/api/sales-orders/999999999/allocation",
                UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("code").asText()).isEqualTo("UNKNOWN_SALES_ORDER");
        assertThat(send("erp", HttpMethod.GET, "/api/sales-orders/999999999/allocation", null)
                        .status())
                .isEqualTo(404);

        AllocationFixture x = new AllocationFixture(jdbc, ledger, 0);
        x.lot(100, "A1", 10);
        SalesOrderView order = ordering.place(x.order(5), "erp");
        ordering.cancel(order.id(), null, "gone", "otto");
        Reply cancelled = send(
                "erp",
                HttpMethod.POST,
                "/api/sales-orders/" + order.id() + "/allocation",
                UUID.randomUUID().toString());
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.body().path("code").asText()).isEqualTo("SALES_ORDER_NOT_OPEN");
        assertThat(reservations(order.id())).isZero();

        assertThat(send(
                                "walt",
                                HttpMethod.POST,
                                "/api/sales-orders/" + order.id() + "/allocation",
                                UUID.randomUUID().toString())
                        .status())
                .isEqualTo(403);
    }
}
