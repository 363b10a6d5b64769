package org.lotledger.quality.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.Actor;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.lotledger.quality.inspection.InspectionResult;
import org.lotledger.quality.inspection.PostingInspectionResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The receiving inspection on PostgreSQL with the real decision table, listener and delegates: a lot in
 * quarantine at the EAST dock is inspected, a bad form submission is refused with a readable message, and the
 * partial result is posted as the inspector: accepted stock AVAILABLE at the dock, rejected stock REJECTED in the
 * reject area, destroyed samples in the QA sample location.
 */
@IntegrationTest
class ReceivingInspectionIntegrationTest {

    @Autowired
    StartingInspection starting;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    Ledger ledger;

    @Autowired
    PostingInspectionResult posting;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.lotledger.quality.PlacingHold placingHold;

    @Autowired
    org.lotledger.quality.ReleasingHold releasingHold;

    /** A fresh lot of a chilled demo item, 40 units QUARANTINE at the EAST receiving dock; returns {lot, dock}. */
    private long[] lotInQuarantineAtTheDock() {
        String label = "LL-INS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long lot = jdbc.queryForObject("""
                insert into lot (item_id, supplier_id, lot_number, internal_label, expires_on, unit_cost, currency)
                select i.id, s.id, ?, ?, current_date + 300, 12.5, 'USD' from item i, supplier s
                 where i.sku = 'VAC-FLU-CHL' and s.code = 'NORDVAX' returning id""", Long.class, label, label);
        long dock = jdbc.queryForObject("select id from location where barcode = 'EAST-DOCK-01'", Long.class);
        long adjustment = jdbc.queryForObject("""
                select a.id from location a join warehouse w on w.id = a.warehouse_id
                 where w.code = 'EAST' and a.kind = 'ADJUSTMENT'""", Long.class);
        ledger.post(PostingRequest.of(
                        PostingType.OPENING_BALANCE,
                        new Actor("ivy", Set.of("inventory-control")),
                        UUID.randomUUID().toString())
                .movement(new Movement(lot, adjustment, StockStatus.QUARANTINE, dock, StockStatus.QUARANTINE, 40))
                .reason("OPENING")
                .build());
        return new long[] {lot, dock};
    }

    private void inspect(String pi, Map<String, Object> answers) {
        management.executeJob(
                management.createJobQuery().processInstanceId(pi).singleResult().getId());
        Task task = tasks.createTaskQuery()
                .processInstanceId(pi)
                .taskDefinitionKey("Task_InspectLot")
                .singleResult();
        identity.setAuthentication("maria", List.of("quality", "quality-managers"));
        try {
            tasks.complete(task.getId(), answers);
        } finally {
            identity.clearAuthentication();
        }
        management.executeJob(
                management.createJobQuery().processInstanceId(pi).singleResult().getId());
    }

    private List<String> shelf(long lot) {
        return jdbc.query(
                """
                select coalesce(z.code, l.kind), b.status, b.quantity from stock_balance b
                  join location l on l.id = b.location_id left join zone z on z.id = l.zone_id
                 where b.lot_id = ? and b.quantity <> 0 and l.kind <> 'ADJUSTMENT' order by 1, 2""",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " "
                        + rs.getBigDecimal(3).stripTrailingZeros().toPlainString(),
                lot);
    }

    @Test
    void accepted_stock_of_a_lot_put_on_hold_during_quarantine_lands_in_hold_and_its_release_makes_it_available() {
        long[] fixture = lotInQuarantineAtTheDock();
        long lot = fixture[0];
        String pi = starting.start(lot, fixture[1], 40, "R-TEST-HOLD", false);
        var hold = placingHold
                .place(
                        new org.lotledger.quality.PlacingHold.HoldRequest(
                                org.lotledger.quality.HoldScope.LOT,
                                lot,
                                null,
                                org.lotledger.quality.HoldReason.SUPPLIER_NOTICE,
                                "supplier recalls the batch"),
                        new Actor("quinn", Set.of("quality")),
                        UUID.randomUUID().toString())
                .hold();

        inspect(
                pi,
                Map.of(
                        "decision",
                        "ACCEPT",
                        "acceptedQuantity",
                        40,
                        "rejectedQuantity",
                        0,
                        "destroyedSamples",
                        0,
                        "labelsLegible",
                        true,
                        "coldChainInRange",
                        true,
                        "certificateOfAnalysisOk",
                        true,
                        "sampleResult",
                        "PASS"));

        assertThat(shelf(lot)).containsExactly("DOCK HOLD 40");
        releasingHold.release(
                hold.id(),
                null,
                "supplier withdrew the notice",
                new Actor("maria", Set.of("quality", "quality-managers")),
                UUID.randomUUID().toString());
        assertThat(shelf(lot)).containsExactly("DOCK AVAILABLE 40");
    }

    @Test
    void a_partial_inspection_is_posted_as_the_inspector_decided_and_only_once() {
        long[] fixture = lotInQuarantineAtTheDock();
        long lot = fixture[0];
        long dock = fixture[1];
        String label = jdbc.queryForObject("select lot_number from lot where id = ?", String.class, lot);

        String pi = starting.start(lot, dock, 40, "R-TEST-1", false);
        management.executeJob(
                management.createJobQuery().processInstanceId(pi).singleResult().getId());
        String level = (String) runtime.getVariable(pi, "inspectionLevel");
        assertThat(level).isIn("VISUAL", "SAMPLE", "FULL");
        Task task = tasks.createTaskQuery()
                .processInstanceId(pi)
                .taskDefinitionKey("Task_InspectLot")
                .singleResult();
        assertThat(tasks.getVariable(task.getId(), "lotNumber")).isEqualTo(label);

        Map<String, Object> answers = new HashMap<>(Map.of(
                "decision",
                "PARTIAL",
                "acceptedQuantity",
                30,
                "rejectedQuantity",
                8,
                "destroyedSamples",
                1,
                "decisionReason",
                "8 cartons crushed",
                "labelsLegible",
                true,
                "coldChainInRange",
                true,
                "certificateOfAnalysisOk",
                true,
                "sampleResult",
                "PASS"));
        identity.setAuthentication("maria", List.of("quality", "quality-managers"));
        try {
            assertThatThrownBy(() -> tasks.complete(task.getId(), answers))
                    .hasMessageContaining("must equal the 40 units under inspection");
            answers.put("destroyedSamples", 2);
            tasks.complete(task.getId(), answers);
        } finally {
            identity.clearAuthentication();
        }

        management.executeJob(
                management.createJobQuery().processInstanceId(pi).singleResult().getId());

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count())
                .isZero();
        assertThat(shelf(lot)).containsExactly("DOCK AVAILABLE 30", "QA_SAMPLE QUARANTINE 2", "REJ REJECTED 8");
        assertThat(jdbc.queryForList(
                        "select distinct actor from posting where process_instance_id = ?", String.class, pi))
                .containsExactly("maria");
        long postings =
                jdbc.queryForObject("select count(*) from posting where process_instance_id = ?", Long.class, pi);
        assertThat(postings).isEqualTo(4);

        // a retried job derives the same keys and posts nothing new
        posting.post(
                "process:" + pi + ":Task_PostInspectionResult",
                pi,
                lot,
                dock,
                new InspectionResult("PARTIAL", 30, 8, 2, "8 cartons crushed"),
                new Actor("maria", Set.of("quality")));
        assertThat(jdbc.queryForObject("select count(*) from posting where process_instance_id = ?", Long.class, pi))
                .isEqualTo(postings);
        assertThat(jdbc.queryForObject("""
                select decided_by from decision_record where process_instance_id = ? and activity_id = 'Task_InspectLot'""", String.class, pi)).isEqualTo("maria");
    }
}
