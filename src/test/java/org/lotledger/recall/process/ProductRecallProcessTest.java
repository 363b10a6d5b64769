package org.lotledger.recall.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
 * Every path through bpmn/product-recall.bpmn, engine only (H2), the delegates and the listener replaced by
 * recording stand-ins: one job per lot in scope, in order; the holds recorded once all are placed; the wait at
 * "Reconcile recall" named after the recall, its completion refused; a withdrawal ending it; a failing hold leaving
 * the job to retry with nothing recorded. The real delegates run on PostgreSQL in RecallIntegrationTest.
 */
@Deployment(resources = "bpmn/product-recall.bpmn")
class ProductRecallProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = EngineOnly.extension();

    final List<String> happened = new ArrayList<>();
    RuntimeException failPlacing;

    @BeforeEach
    void standIns() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("placeRecallHoldDelegate", (JavaDelegate) e -> {
            if (failPlacing != null) {
                throw failPlacing;
            }
            happened.add("hold " + e.getVariable("loopCounter"));
        });
        Mocks.register("recordHoldsPlacedDelegate", (JavaDelegate) e -> happened.add("placed"));
        Mocks.register("reconcileRecallListener", (TaskListener) t -> {
            throw new IllegalStateException("RECALL_RECONCILIATION_NOT_AVAILABLE");
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    ProcessInstance start(int lots) {
        return runtimeService()
                .startProcessInstanceByKey(
                        "ProductRecall",
                        "recall-7",
                        Map.of(
                                "recallId",
                                7L,
                                "recallNumber",
                                "RC-7",
                                "scopeLabel",
                                "batch MFG-2026-0042",
                                "lotCount",
                                lots));
    }

    @Test
    void holds_are_placed_one_job_per_lot_then_the_recall_waits_for_its_reconciliation() {
        ProcessInstance pi = start(3);
        assertThat(pi).isWaitingAt("Task_PlaceRecallHolds");
        assertThat(happened).as("nothing in the start's transaction").isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(jobQuery().processInstanceId(pi.getId()).count())
                    .as("one job at a time")
                    .isEqualTo(1);
            execute(job(pi));
        }
        assertThat(happened).containsExactly("hold 0", "hold 1", "hold 2", "placed");
        assertThat(pi).isWaitingAt("Task_ReconcileRecall");
        assertThat(task(pi)).hasCandidateGroup("quality").hasName("Reconcile recall RC-7 · batch MFG-2026-0042");
        assertThat(pi).hasPassedInOrder("StartEvent_RecallStarted", "Task_PlaceRecallHolds", "Task_RecordHoldsPlaced");
    }

    @Test
    void reconciling_is_refused_until_it_is_built_and_the_recall_keeps_waiting() {
        ProcessInstance pi = start(1);
        execute(job(pi));
        assertThatThrownBy(() -> complete(task(pi))).hasMessageContaining("RECALL_RECONCILIATION_NOT_AVAILABLE");
        assertThat(pi).isWaitingAt("Task_ReconcileRecall");
    }

    @Test
    void a_withdrawal_ends_the_recall() {
        ProcessInstance pi = start(2);
        execute(job(pi));
        execute(job(pi));
        runtimeService()
                .createMessageCorrelation("RecallWithdrawn")
                .processInstanceBusinessKey("recall-7")
                .correlate();
        assertThat(pi).isEnded().hasPassed("BoundaryEvent_RecallWithdrawn", "EndEvent_RecallWithdrawn");
        assertThat(pi).hasNotPassed("EndEvent_RecallReconciled");
    }

    @Test
    void a_failing_hold_is_retried_by_its_job_and_nothing_is_recorded() {
        ProcessInstance pi = start(2);
        failPlacing = new IllegalStateException("database gone");
        assertThatThrownBy(() -> execute(job(pi))).hasMessageContaining("database gone");
        assertThat(job(pi).getRetries()).as("the engine retries it").isEqualTo(2);
        assertThat(pi).isWaitingAt("Task_PlaceRecallHolds");
        failPlacing = null;
        execute(job(pi));
        execute(job(pi));
        assertThat(happened).containsExactly("hold 0", "hold 1", "placed");
        assertThat(pi).isWaitingAt("Task_ReconcileRecall");
    }
}
