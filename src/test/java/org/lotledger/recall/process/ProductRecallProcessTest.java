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
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
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
 * "Reconcile recall" named after the recall, its completion refused by its listener; a withdrawal ending it (once the
 * holds are placed, through the withdrawal join; before, nothing waits for it); a failing hold leaving the job to
 * retry with nothing recorded. The follow-up's paths: ProductRecallFollowUpProcessTest. The real delegates run on PostgreSQL in RecallIntegrationTest.
 */
@Deployment(
        resources = {
            "bpmn/product-recall.bpmn",
            "bpmn/forms/reconcile-recall.form",
            "bpmn/forms/approve-recall-closure.form",
            "bpmn/forms/follow-up-recall-customers.form"
        })
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
        Mocks.register("decideFollowUpIntervalDelegate", (JavaDelegate) e -> e.setVariable("followUpInterval", "P1D"));
        Mocks.register("reconcileRecallListener", (TaskListener) t -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(t.getEventName())) {
                throw new IllegalStateException("RECALL_HOLD_STOCK_REMAINING");
            }
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
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
    void a_refused_reconciliation_keeps_the_recall_waiting() {
        ProcessInstance pi = start(1);
        execute(job(pi));
        assertThatThrownBy(() -> complete(task(pi))).hasMessageContaining("RECALL_HOLD_STOCK_REMAINING");
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
        assertThat(pi).hasNotPassed("EndEvent_RecallClosed");
    }

    @Test
    void a_withdrawal_before_the_holds_are_all_placed_finds_nothing_waiting_for_it_and_the_holds_go_on() {
        ProcessInstance pi = start(2);
        // WithdrawingRecall refuses first (RECALL_HOLDS_PENDING); the model has no withdrawal while holds are placed
        assertThatThrownBy(() -> runtimeService()
                        .createMessageCorrelation("RecallWithdrawn")
                        .processInstanceBusinessKey("recall-7")
                        .correlate())
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        execute(job(pi));
        assertThatThrownBy(() -> runtimeService()
                        .createMessageCorrelation("RecallWithdrawn")
                        .processInstanceBusinessKey("recall-7")
                        .correlate())
                .as("halfway through the lots")
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(pi).isWaitingAt("Task_PlaceRecallHolds");
        execute(job(pi));
        assertThat(happened).containsExactly("hold 0", "hold 1", "placed");
        assertThat(pi).isWaitingAt("Task_ReconcileRecall").hasNotPassed("Gateway_RecallWithdrawn");
    }

    @Test
    void a_withdrawal_once_the_holds_are_placed_ends_the_recall_through_the_withdrawal_join() {
        ProcessInstance pi = start(1);
        execute(job(pi));
        runtimeService()
                .createMessageCorrelation("RecallWithdrawn")
                .processInstanceBusinessKey("recall-7")
                .correlate();
        assertThat(pi)
                .isEnded()
                .hasPassedInOrder(
                        "Task_RecordHoldsPlaced",
                        "BoundaryEvent_RecallWithdrawn",
                        "Gateway_RecallWithdrawn",
                        "EndEvent_RecallWithdrawn");
        assertThat(pi).hasNotPassed("Task_ApproveRecallClosure", "EndEvent_RecallClosed");
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
