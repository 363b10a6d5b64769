package org.lotledger.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.transfers.process.InterWarehouseTransferProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo transfers (DemoTransferLoader): DEMO-TO-1 EAST → WEST in transit, DEMO-TO-2 CENTRAL → EAST overdue with
 * its process's timer due; each lot sent in full (nothing left on the origin's shelf); a second load (a restart
 * against the same database) makes nothing new.
 */
@IntegrationTest
class DemoTransferLoaderTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoTransferLoader loader;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    Map<String, Object> order(String key) {
        return jdbc.queryForMap("""
                select o.id, o.order_number, o.status, f.code as from_code, t.code as to_code, o.overdue_at,
                       o.cold_chain_logger
                  from transfer_order o join warehouse f on f.id = o.from_warehouse_id
                  join warehouse t on t.id = o.to_warehouse_id
                 where o.reason like ?""", "%[" + key + "]");
    }

    long inTransit(long orderId) {
        return jdbc.queryForObject(
                        "select coalesce(sum(shipped_quantity - received_quantity), 0) from transfer_shipped_lot"
                                + " where transfer_order_line_id in (select id from transfer_order_line where transfer_order_id = ?)",
                        BigDecimal.class,
                        orderId)
                .longValueExact();
    }

    @Test
    void one_transfer_is_in_transit_and_one_overdue_and_a_restart_makes_nothing_new() {
        Map<String, Object> east = order("DEMO-TO-1");
        assertThat(east)
                .containsEntry("status", "IN_TRANSIT")
                .containsEntry("from_code", "EAST")
                .containsEntry("to_code", "WEST")
                .containsEntry("cold_chain_logger", "TT-DEMO-0001");
        assertThat(east.get("order_number").toString()).startsWith("TO-EAST-");
        assertThat(((Timestamp) east.get("overdue_at")).toInstant()).isAfter(Instant.now());
        assertThat(inTransit(((Number) east.get("id")).longValue())).isEqualTo(40);

        Map<String, Object> central = order("DEMO-TO-2");
        assertThat(central)
                .containsEntry("status", "IN_TRANSIT")
                .containsEntry("from_code", "CENTRAL")
                .containsEntry("to_code", "EAST");
        assertThat(((Timestamp) central.get("overdue_at")).toInstant()).isBefore(Instant.now());
        long centralId = ((Number) central.get("id")).longValue();
        assertThat(inTransit(centralId)).isEqualTo(60);
        String pi = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(InterWarehouseTransferProcess.businessKey(centralId))
                .singleResult()
                .getId();
        assertThat(management.createJobQuery().processInstanceId(pi).timers().list())
                .as("the overdue timer is due")
                .isNotEmpty()
                .allSatisfy(j -> assertThat(j.getDuedate()).isBefore(new java.util.Date()));

        long orders = jdbc.queryForObject("select count(*) from transfer_order", Long.class);
        long postings = jdbc.queryForObject(
                "select count(*) from posting where idempotency_key like 'demo:transfer%'", Long.class);
        loader.load();
        assertThat(jdbc.queryForObject(
                        "select count(*) from transfer_order where reason like '%[DEMO-TO-_]'", Long.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from posting where idempotency_key like 'demo:transfer%'", Long.class))
                .isEqualTo(postings);
        assertThat(jdbc.queryForObject("select count(*) from transfer_order", Long.class))
                .isGreaterThanOrEqualTo(orders);
    }
}
