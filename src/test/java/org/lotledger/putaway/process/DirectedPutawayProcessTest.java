package org.lotledger.putaway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The paths through bpmn/directed-putaway.bpmn, engine only (H2, the listener mocked; the real one posts through the
 * ledger in DirectedPutawayThroughTasklistTest).
 */
@Deployment(resources = {"bpmn/directed-putaway.bpmn", "bpmn/forms/put-away-stock.form"})
class DirectedPutawayProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = EngineOnly.extension();

    final List<String> confirmed = new ArrayList<>();
    String refuseWith;

    @BeforeEach
    void standIns() {
        // the integration tests' Spring Boot engine may live in the same JVM: assert against this one
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("putawayTaskListener", (TaskListener) (DelegateTask t) -> {
            if (refuseWith != null) {
                throw new IllegalStateException(refuseWith);
            }
            confirmed.add(t.getVariable("scannedLocation") + " " + t.getVariable("putawayQuantity"));
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    }

    ProcessInstance direct() {
        Map<String, Object> v = new HashMap<>();
        v.putAll(Map.of(
                "lotId",
                3L,
                "fromLocationId",
                16L,
                "lotNumber",
                "45951A",
                "lotLabel",
                "LL00000003",
                "sku",
                "DRS-FOAM-10",
                "baseUom",
                "EA",
                "quantityText",
                "200 EA",
                "fromLocation",
                "EAST-DOCK-01",
                "directedZone",
                "AMB",
                "suggestedLocations",
                "EAST-AMB-01-01"));
        v.put("directedBy", "ReceivingInspection lot-3:receipt-1-line-1");
        return engine.getRuntimeService()
                .startProcessInstanceByKey(
                        DirectPutawayDelegate.PROCESS_KEY, DirectPutawayDelegate.businessKey(3, 16), v);
    }

    @Test
    void the_warehouse_gets_a_task_named_for_the_stock_and_its_scan_ends_the_putaway() {
        ProcessInstance pi = direct();
        assertThat(pi).isWaitingAt("Task_PutAwayStock");
        assertThat(task(pi))
                .hasCandidateGroup("warehouse")
                .hasName("Put away lot 45951A · DRS-FOAM-10 · 200 EA · EAST-DOCK-01 → zone AMB");
        complete(task(pi), withVariables("scannedLocation", "EAST-AMB-01-01"));
        assertThat(pi)
                .hasPassedInOrder("StartEvent_PutawayDirected", "Task_PutAwayStock", "EndEvent_StockPutAway")
                .isEnded();
        assertThat(confirmed).containsExactly("EAST-AMB-01-01 null");
    }

    @Test
    void a_refused_scan_leaves_the_task_open() {
        ProcessInstance pi = direct();
        refuseWith = "Lot LL00000003 goes to zone AMB, not CHL";
        assertThatThrownBy(() -> complete(task(pi), withVariables("scannedLocation", "EAST-CHL-01-01")))
                .hasMessageContaining("goes to zone AMB");
        assertThat(pi).isWaitingAt("Task_PutAwayStock");
    }
}
