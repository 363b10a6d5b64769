package org.lotledger.platform.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.DomainException;
import org.lotledger.evidence.DecisionRecords;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.LedgerSelfAudit;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.lotledger.ledger.process.StartDiscrepancyInvestigation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The engine and the ledger share one DataSource and one transaction; models deploy from bpmn/. */
@IntegrationTest
class ProcessLedgerIntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    PlatformTransactionManager txManager;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerSelfAudit audit;

    @Autowired
    ProcessPostings processPostings;

    @Autowired
    DecisionRecords decisions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_model_and_form_under_bpmn_is_deployed_at_start() {
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(StartDiscrepancyInvestigation.PROCESS_KEY)
                        .latestVersion()
                        .singleResult())
                .isNotNull();
        assertThat(repository.createDeploymentQuery().list().stream()
                        .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream()))
                .anyMatch(n -> n.endsWith("ledger-discrepancy-investigation.bpmn"))
                .anyMatch(n -> n.endsWith("investigate-ledger-discrepancy.form"));
        assertThat(((org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration)
                                engine.getProcessEngineConfiguration())
                        .getTransactionManager())
                .isSameAs(txManager);
    }

    @Test
    void a_posting_made_in_the_engines_transaction_rolls_back_with_it() {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        long postingsBefore = jdbc.queryForObject("select count(*) from posting", Long.class);
        long instancesBefore = runtime.createProcessInstanceQuery()
                .processDefinitionKey(StartDiscrepancyInvestigation.PROCESS_KEY)
                .count();
        String key = ProcessPostings.idempotencyKey("test-instance", "Task_Post", Long.toString(lot));

        assertThatThrownBy(() -> new TransactionTemplate(txManager).executeWithoutResult(s -> {
                    runtime.startProcessInstanceByKey(
                            StartDiscrepancyInvestigation.PROCESS_KEY,
                            Map.of("auditRunId", 0L, "discrepancyCount", 0, "discrepancySummary", "test"));
                    f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 5);
                    ledger.post(PostingRequest.of(PostingType.MOVE, LedgerFixtures.WAREHOUSE, key)
                            .movement(new Movement(
                                    lot,
                                    f.location("A1"),
                                    StockStatus.AVAILABLE,
                                    f.location("A2"),
                                    StockStatus.AVAILABLE,
                                    6))
                            .processInstance("test-instance")
                            .build());
                }))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("INSUFFICIENT_BALANCE"));

        assertThat(jdbc.queryForObject("select count(*) from posting", Long.class))
                .isEqualTo(postingsBefore);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(StartDiscrepancyInvestigation.PROCESS_KEY)
                        .count())
                .isEqualTo(instancesBefore);
        assertThat(key).isEqualTo("process:test-instance:Task_Post:" + lot);
    }

    @Test
    void a_discrepancy_opens_one_investigation_for_inventory_control_and_its_decision_is_recorded_with_who_took_it() {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 3);
        jdbc.update(
                "update stock_balance set quantity = quantity + 2 where lot_id = ? and location_id = ?",
                lot,
                f.location("A1"));
        Task task;
        try {
            audit.run("TEST");
            audit.run("TEST"); // still wrong: no second investigation
            var open = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(StartDiscrepancyInvestigation.PROCESS_KEY)
                    .active()
                    .list();
            assertThat(open).hasSize(1);
            task = tasks.createTaskQuery()
                    .processInstanceId(open.get(0).getId())
                    .singleResult();
            assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_InvestigateDiscrepancy");
            assertThat(tasks.getIdentityLinksForTask(task.getId()))
                    .anyMatch(l -> "inventory-control".equals(l.getGroupId()));
        } finally {
            jdbc.update(
                    "update stock_balance set quantity = quantity - 2 where lot_id = ? and location_id = ?",
                    lot,
                    f.location("A1"));
            audit.run("TEST");
        }

        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("decision", "RESOLVED")))
                .hasMessageContaining("signed-in user");
        identity.setAuthentication("ivy", java.util.List.of("inventory-control"));
        try {
            assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("decisionReason", "no decision")))
                    .hasMessageContaining("Choose a decision");
            tasks.complete(
                    task.getId(), Map.of("decision", "RESOLVED", "decisionReason", "balance row edited by a script"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(decisions.latest(task.getProcessInstanceId(), "Task_InvestigateDiscrepancy"))
                .hasValueSatisfying(d -> {
                    assertThat(d.decidedBy()).isEqualTo("ivy");
                    assertThat(d.decision()).isEqualTo("RESOLVED");
                    assertThat(d.subjectType()).isEqualTo("LEDGER_AUDIT_RUN");
                });
        assertThat(processPostings
                        .actorOf(task.getProcessInstanceId(), "Task_InvestigateDiscrepancy")
                        .groups())
                .contains("inventory-control");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId())
                        .count())
                .isZero();
    }
}
