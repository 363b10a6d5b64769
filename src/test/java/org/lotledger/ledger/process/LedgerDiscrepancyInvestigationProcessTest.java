package org.lotledger.ledger.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lotledger.support.EngineOnly;

/**
 * The path through bpmn/ledger-discrepancy-investigation.bpmn, engine only (H2, the decision listener mocked; its
 * real behaviour is tested on PostgreSQL in ProcessLedgerIntegrationTest).
 */
class LedgerDiscrepancyInvestigationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = EngineOnly.extension();

    final List<String> decisionsRecorded = new ArrayList<>();

    @BeforeEach
    void mockDecisionListener() {
        // the integration tests' Spring Boot engine may live in the same JVM: assert against this one
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("recordDecisionListener", (TaskListener)
                (DelegateTask t) -> decisionsRecorded.add(t.getTaskDefinitionKey() + ":" + t.getVariable("decision")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    }

    @Test
    @Deployment(
            resources = {"bpmn/ledger-discrepancy-investigation.bpmn", "bpmn/forms/investigate-ledger-discrepancy.form"
            })
    void a_discrepancy_waits_for_inventory_control_and_ends_when_investigated() {
        ProcessEngine processEngine = engine.getProcessEngine();
        ProcessInstance pi = processEngine
                .getRuntimeService()
                .startProcessInstanceByKey(
                        StartDiscrepancyInvestigation.PROCESS_KEY,
                        "audit-run-7",
                        Map.of(
                                "auditRunId",
                                7L,
                                "discrepancyCount",
                                1,
                                "discrepancySummary",
                                "- lot 1",
                                "subjectType",
                                "LEDGER_AUDIT_RUN",
                                "subjectId",
                                "7"));

        assertThat(pi).isStarted().isWaitingAt("Task_InvestigateDiscrepancy");
        assertThat(task(pi))
                .hasCandidateGroup("inventory-control")
                .hasName("Investigate ledger discrepancy · audit run 7 · 1 found");
        complete(task(pi), withVariables("decision", "RESOLVED", "decisionReason", "balance row edited by a script"));

        assertThat(pi)
                .hasPassedInOrder(
                        "StartEvent_DiscrepancyFound",
                        "Task_InvestigateDiscrepancy",
                        "EndEvent_DiscrepancyInvestigated")
                .isEnded();
        assertThat(decisionsRecorded).containsExactly("Task_InvestigateDiscrepancy:RESOLVED");
    }
}
