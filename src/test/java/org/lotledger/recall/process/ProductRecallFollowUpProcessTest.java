package org.lotledger.recall.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
 * The follow-up paths of bpmn/product-recall.bpmn, engine only (H2), the delegates and listeners replaced by
 * recording stand-ins: reconcile → approve → closed; a refused closure back to reconciliation (the interval decided
 * again); a refusal of the approval's listener (the four-eyes rule) leaving the task open; the follow-up timer on the
 * engine's clock opening "Follow up unacknowledged customers" while someone is unanswered and nothing when nobody
 * is, and stopping once the reconciliation is submitted; a withdrawal at either task (joined before its end), and the
 * closure, ending an open follow-up task too. The real listeners run on
 * PostgreSQL in RecallFollowUpIntegrationTest.
 */
@Deployment(
        resources = {
            "bpmn/product-recall.bpmn",
            "bpmn/forms/reconcile-recall.form",
            "bpmn/forms/approve-recall-closure.form",
            "bpmn/forms/follow-up-recall-customers.form"
        })
class ProductRecallFollowUpProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = EngineOnly.extension();

    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    final List<String> happened = new ArrayList<>();
    int unanswered = 2;
    boolean closed;
    RuntimeException refuseApproval;

    /** What the gateway after the approval asks ({@code ${recallTasks.closed(recallId)}}). */
    public class Closure {
        public boolean closed(Object recallId) {
            return closed;
        }
    }

    @BeforeEach
    void standIns() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("placeRecallHoldDelegate", (JavaDelegate) e -> happened.add("hold"));
        Mocks.register("recordHoldsPlacedDelegate", (JavaDelegate) e -> happened.add("placed"));
        Mocks.register("decideFollowUpIntervalDelegate", (JavaDelegate) e -> {
            happened.add("interval");
            e.setVariable("followUpInterval", "PT4H");
        });
        Mocks.register("reconcileRecallListener", (TaskListener) (DelegateTask t) -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(t.getEventName())) {
                happened.add("reconciled");
                t.setVariable("reconciledBy", "quinn");
            }
        });
        Mocks.register("approveRecallClosureListener", (TaskListener) (DelegateTask t) -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(t.getEventName())) {
                if (refuseApproval != null) {
                    throw refuseApproval;
                }
                closed = "APPROVE".equals(t.getVariable("closureApproval"));
                happened.add(closed ? "approved" : "refused");
            }
        });
        Mocks.register("recallTasks", new Closure());
        Mocks.register("findUnansweredCustomersDelegate", (JavaDelegate) e -> {
            boolean open = taskQuery()
                            .processInstanceId(e.getProcessInstanceId())
                            .taskDefinitionKey(RecallTasks.FOLLOW_UP_TASK)
                            .count()
                    > 0;
            e.setVariable("unansweredCount", unanswered);
            e.setVariable("unansweredCustomers", "- C1\n- C2\n");
            e.setVariable("followUpNeeded", unanswered > 0 && !open);
        });
        Mocks.register("followUpCustomersListener", (TaskListener) t -> {});
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    }

    ProcessInstance atReconcile() {
        ProcessInstance pi = runtimeService()
                .startProcessInstanceByKey(
                        "ProductRecall",
                        "recall-3",
                        Map.of(
                                "recallId",
                                3L,
                                "recallNumber",
                                "RC-3",
                                "scopeLabel",
                                "batch MFG-2026-0042",
                                "lotCount",
                                1));
        execute(jobQuery().processInstanceId(pi.getId()).messages().singleResult());
        assertThat(pi).isWaitingAt("Task_ReconcileRecall");
        return pi;
    }

    /** At "Reconcile recall" with a follow-up task opened by the timer's first firing. */
    ProcessInstance atReconcileWithAFollowUpOpen() {
        ProcessInstance pi = atReconcile();
        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(5 * 3600)));
        execute(timer(pi));
        return pi;
    }

    org.camunda.bpm.engine.task.Task open(ProcessInstance pi, String definitionKey) {
        return taskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(definitionKey)
                .singleResult();
    }

    static void withdraw() {
        runtimeService()
                .createMessageCorrelation("RecallWithdrawn")
                .processInstanceBusinessKey("recall-3")
                .correlate();
    }

    Job timer(ProcessInstance pi) {
        return jobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .activityId(RecallTasks.FOLLOW_UP_TIMER)
                .singleResult();
    }

    @Test
    void a_reconciled_recall_closes_once_another_quality_manager_approves() {
        ProcessInstance pi = atReconcile();
        assertThat(task(pi))
                .hasName("Reconcile recall RC-3 · batch MFG-2026-0042")
                .hasCandidateGroup("quality");

        complete(task(pi));
        assertThat(pi).isWaitingAt(RecallTasks.APPROVE_CLOSURE_TASK);
        assertThat(task(pi))
                .hasName("Approve recall closure RC-3 · batch MFG-2026-0042 · reconciled by quinn")
                .hasCandidateGroup("quality-managers");
        complete(task(pi), withVariables("closureApproval", "APPROVE"));

        assertThat(pi).isEnded();
        assertThat(pi)
                .hasPassedInOrder(
                        "Task_RecordHoldsPlaced",
                        "Task_DecideFollowUpInterval",
                        "Task_ReconcileRecall",
                        RecallTasks.APPROVE_CLOSURE_TASK,
                        "Gateway_ClosureApproved",
                        "EndEvent_RecallClosed");
        assertThat(happened).containsExactly("hold", "placed", "interval", "reconciled", "approved");
    }

    @Test
    void a_refused_closure_goes_back_to_reconciliation_and_the_interval_is_decided_again() {
        ProcessInstance pi = atReconcile();
        complete(task(pi));
        complete(task(pi), withVariables("closureApproval", "REFUSE"));

        assertThat(pi).isWaitingAt("Task_ReconcileRecall").hasPassed("Gateway_ClosureApproved", "Gateway_ToReconcile");
        assertThat(timer(pi)).as("the follow-up timer runs again").isNotNull();
        complete(task(pi));
        complete(task(pi), withVariables("closureApproval", "APPROVE"));
        assertThat(pi).isEnded().hasPassed("EndEvent_RecallClosed");
        assertThat(happened)
                .containsExactly(
                        "hold", "placed", "interval", "reconciled", "refused", "interval", "reconciled", "approved");
    }

    @Test
    void the_four_eyes_refusal_of_the_approval_listener_leaves_the_task_open() {
        ProcessInstance pi = atReconcile();
        complete(task(pi));
        refuseApproval = new IllegalStateException("SAME_APPROVER");
        assertThatThrownBy(() -> complete(task(pi), withVariables("closureApproval", "APPROVE")))
                .hasMessageContaining("SAME_APPROVER");
        assertThat(pi).isWaitingAt(RecallTasks.APPROVE_CLOSURE_TASK);
        assertThat(pi).hasNotPassed("EndEvent_RecallClosed");
    }

    @Test
    void the_follow_up_timer_opens_a_task_while_someone_is_unanswered_and_repeats_on_the_engine_clock() {
        ProcessInstance pi = atReconcile();
        Job first = timer(pi);
        assertThat(first.getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(4 * 3600)));

        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(4 * 3600 + 60)));
        execute(first);
        org.camunda.bpm.engine.task.Task followUp = taskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(RecallTasks.FOLLOW_UP_TASK)
                .singleResult();
        assertThat(followUp)
                .hasName("Follow up unacknowledged customers · RC-3 · 2 customers")
                .hasCandidateGroup("quality");
        assertThat(pi).isWaitingAt("Task_ReconcileRecall", RecallTasks.FOLLOW_UP_TASK);

        // the cycle repeats; with the first task still open, no second one
        Job second = timer(pi);
        assertThat(second.getDuedate()).as("the cycle keeps its pace").isEqualTo(Date.from(NOW.plusSeconds(8 * 3600)));
        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(8 * 3600 + 120)));
        execute(second);
        assertThat(taskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey(RecallTasks.FOLLOW_UP_TASK)
                        .count())
                .isEqualTo(1);
        complete(followUp, withVariables("followUpNote", "called both"));
        assertThat(pi).hasPassed("EndEvent_CustomersFollowedUp", "EndEvent_NoFollowUpNeeded");

        // everyone answered: the next firing opens nothing, the recall still awaits reconciliation
        unanswered = 0;
        Job third = timer(pi);
        ClockUtil.setCurrentTime(Date.from(third.getDuedate().toInstant().plusSeconds(60)));
        execute(third);
        assertThat(taskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey(RecallTasks.FOLLOW_UP_TASK)
                        .count())
                .isZero();
        assertThat(pi).isWaitingAt("Task_ReconcileRecall");
    }

    @Test
    void the_closure_ends_a_follow_up_task_still_open() {
        ProcessInstance pi = atReconcileWithAFollowUpOpen();
        complete(open(pi, "Task_ReconcileRecall"));
        complete(open(pi, RecallTasks.APPROVE_CLOSURE_TASK), withVariables("closureApproval", "APPROVE"));
        assertThat(pi).isEnded().hasPassed("EndEvent_RecallClosed");
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void a_withdrawal_at_reconciliation_ends_the_recall_and_its_open_follow_up() {
        ProcessInstance pi = atReconcileWithAFollowUpOpen();
        withdraw();
        assertThat(pi).isEnded().hasPassed("BoundaryEvent_RecallWithdrawn", "EndEvent_RecallWithdrawn");
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void the_follow_up_timer_stops_while_the_closure_awaits_approval_and_an_open_follow_up_ends_with_a_withdrawal() {
        ProcessInstance pi = atReconcileWithAFollowUpOpen();
        complete(open(pi, "Task_ReconcileRecall"));
        assertThat(timer(pi)).as("the timer belongs to the reconciliation").isNull();
        assertThat(pi).isWaitingAt(RecallTasks.APPROVE_CLOSURE_TASK, RecallTasks.FOLLOW_UP_TASK);
        withdraw();
        assertThat(pi)
                .isEnded()
                .hasPassed(
                        "BoundaryEvent_RecallWithdrawnAtApproval",
                        "Gateway_RecallWithdrawn",
                        "EndEvent_RecallWithdrawn")
                .hasNotPassed("EndEvent_CustomersFollowedUp", "EndEvent_RecallClosed");
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void a_withdrawal_while_the_closure_awaits_approval_ends_the_recall() {
        ProcessInstance pi = atReconcile();
        complete(task(pi));
        withdraw();
        assertThat(pi)
                .isEnded()
                .hasPassed("BoundaryEvent_RecallWithdrawnAtApproval", "EndEvent_RecallWithdrawn")
                .hasNotPassed("EndEvent_RecallClosed");
    }
}
