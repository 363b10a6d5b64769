package org.lotledger.quality.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lotledger.support.EngineOnly;

/**
 * Every path through bpmn/quality-hold-release.bpmn, engine only (H2), with the real holdSecondApproval and
 * holdReviewSla tables (the start variables of the SLA as HoldProcess.start sets them) and the application's
 * listeners and delegates replaced by recording stand-ins whose answers each test sets (whether the hold is still
 * open, whether the second approval was recorded). The real listeners and delegates (the four-eyes check, the
 * postings, the scans) run on PostgreSQL in QualityHoldApiTest and, through Tasklist, QualityHoldThroughTasklistTest.
 */
@Deployment(
        resources = {
            "bpmn/quality-hold-release.bpmn",
            "dmn/hold-second-approval.dmn",
            "dmn/hold-review-sla.dmn",
            "bpmn/forms/review-hold.form",
            "bpmn/forms/approve-hold-decision.form",
            "bpmn/forms/move-held-stock.form"
        })
class QualityHoldReleaseProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = EngineOnly.extension();

    /** What the application would answer at the gateways. */
    public static class Answers {
        public boolean open = true;
        public boolean approved = true;

        public boolean isOpen(Object holdId) {
            return open;
        }

        public boolean secondApprovalGiven(Object holdId) {
            return approved;
        }

        public String moveFrom(Object warehouseMoveId) {
            return "A-" + warehouseMoveId;
        }
    }

    final Answers answers = new Answers();
    final List<String> happened = new ArrayList<>();
    List<Long> movesToCreate = List.of();
    String refuseReviewWith;

    @BeforeEach
    void standIns() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("holdProcess", answers);
        Mocks.register("holdReviewListener", (TaskListener) (DelegateTask t) -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(t.getEventName()) && refuseReviewWith != null) {
                throw new IllegalStateException(refuseReviewWith);
            }
            happened.add("review:" + t.getEventName());
        });
        Mocks.register("holdApprovalListener", (TaskListener)
                (DelegateTask t) -> happened.add("approval:" + t.getEventName()));
        Mocks.register("moveHeldStockListener", (TaskListener)
                (DelegateTask t) -> happened.add("move:" + t.getEventName() + ":" + t.getVariable("warehouseMoveId")));
        Mocks.register("carryOutHoldDecisionDelegate", (JavaDelegate) e -> {
            happened.add("carry-out:" + e.getVariable("outcome"));
            e.setVariable("warehouseMoveIds", new ArrayList<>(movesToCreate));
            e.setVariable("warehouseMovesDue", !movesToCreate.isEmpty());
            e.setVariable("releasedStock", "RELEASE".equals(e.getVariable("outcome")) ? "7@3" : "");
        });
        Mocks.register("directPutawayDelegate", (JavaDelegate)
                e -> happened.add("direct-putaway:" + e.getVariable("releasedStock")));
        Mocks.register("remindLongOpenHoldDelegate", (JavaDelegate) e -> happened.add("reminder"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    }

    ProcessInstance place(String reason) {
        Map<String, Object> v = new HashMap<>();
        v.put("holdId", 7L);
        v.put("holdReason", reason);
        // as HoldProcess.start: the review SLA by reason from dmn/hold-review-sla.dmn
        v.putAll(HoldProcess.reviewSchedule(engine.getDecisionService()
                .evaluateDecisionTableByKey(HoldProcess.REVIEW_SLA_DECISION, Map.of("holdReason", reason))
                .getSingleResult()
                .getEntryMap()));
        v.put("holdLabel", "LL00000003");
        v.put("holdReasonText", HoldProcess.reasonText(org.lotledger.quality.HoldReason.valueOf(reason)));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(HoldProcess.PROCESS_KEY, "hold-7", v);
        assertThat(pi).isWaitingAt(HoldProcess.REVIEW_TASK);
        assertThat(task(pi))
                .hasCandidateGroup("quality")
                .hasName("Review hold 7 · LL00000003 · "
                        + HoldProcess.reasonText(org.lotledger.quality.HoldReason.valueOf(reason)));
        // due when the first reminder fires: the timer and the due date read the same period
        java.util.Date reminder = managementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult()
                .getDuedate();
        assertThat(task(pi).getDueDate()).isCloseTo(reminder, 1000);
        return pi;
    }

    static final long HOUR = 3_600_000L;

    @ParameterizedTest(name = "{0}: due in {1} h, follow-up in {2} h")
    @CsvSource({
        "REGULATORY_OR_RECALL,  4,   2",
        "TEMPERATURE_EXCURSION, 24,  12",
        "CUSTOMER_COMPLAINT,    48,  24",
        "SUPPLIER_NOTICE,       72,  36",
        "INVESTIGATION,         120, 60"
    })
    void review_hold_is_due_and_reminded_after_the_review_sla_of_its_reason(
            String reason, long dueInHours, long followUpInHours) {
        ProcessInstance pi = place(reason);
        Task review = task(pi);

        assertThat(review.getDueDate().getTime() - review.getCreateTime().getTime())
                .isCloseTo(dueInHours * HOUR, within(1000L));
        assertThat(review.getFollowUpDate().getTime() - review.getCreateTime().getTime())
                .isCloseTo(followUpInHours * HOUR, within(1000L));
        Job reminder = managementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult();
        assertThat(reminder.getDuedate())
                .as("the escalation reads the same value")
                .isCloseTo(review.getDueDate(), 1000);
        assertThat(runtimeService().getVariable(pi.getId(), "holdReminderCycle"))
                .isEqualTo("R60/" + runtimeService().getVariable(pi.getId(), "holdReviewDue"));
    }

    @Test
    void a_release_by_one_reviewer_is_carried_out_and_ends_the_process() {
        ProcessInstance pi = place("INVESTIGATION");
        answers.open = false; // the release ended the hold
        complete(task(pi), withVariables("outcome", "RELEASE", "decisionNote", "lab results fine"));

        assertThat(pi)
                .hasPassed("Task_DecideSecondApproval", "Task_CarryOutHoldDecision")
                .hasNotPassed(HoldProcess.APPROVAL_TASK, HoldProcess.MOVE_TASK)
                .isEnded();
        assertThat(pi).variables().containsEntry("outcome", "RELEASE");
        assertThat(happened)
                .containsExactly("review:create", "review:complete", "carry-out:RELEASE", "direct-putaway:7@3");
    }

    @Test
    void a_recall_release_waits_for_a_quality_managers_approval_and_is_then_carried_out() {
        ProcessInstance pi = place("REGULATORY_OR_RECALL");
        complete(task(pi), withVariables("outcome", "RELEASE", "decisionNote", "recall withdrawn"));

        assertThat(pi).isWaitingAt(HoldProcess.APPROVAL_TASK).hasNotPassed("Task_CarryOutHoldDecision");
        assertThat(task(pi)).hasCandidateGroup("quality-managers");
        answers.open = false;
        complete(task(pi), withVariables("approval", "APPROVE"));
        assertThat(pi)
                .hasPassedInOrder("Gateway_Approved", "Gateway_DecisionFinal", "Task_CarryOutHoldDecision")
                .isEnded();
        assertThat(happened)
                .containsExactly(
                        "review:create",
                        "review:complete",
                        "approval:create",
                        "approval:complete",
                        "carry-out:RELEASE",
                        "direct-putaway:7@3");
    }

    @Test
    void a_refused_approval_sends_the_hold_back_to_review() {
        ProcessInstance pi = place("TEMPERATURE_EXCURSION");
        complete(task(pi), withVariables("outcome", "RELEASE", "decisionNote", "logger shows 9 °C for 20 min"));
        assertThat(pi).isWaitingAt(HoldProcess.APPROVAL_TASK);

        answers.approved = false; // the listener recorded SECOND_APPROVAL_REFUSED
        complete(task(pi), withVariables("approval", "REFUSE", "approvalNote", "stability data first"));
        assertThat(pi)
                .hasPassedInOrder("Gateway_Approved", "Gateway_ToReview")
                .isWaitingAt(HoldProcess.REVIEW_TASK)
                .hasNotPassed("Task_CarryOutHoldDecision");
    }

    @Test
    void a_review_the_application_refuses_leaves_the_task_open() {
        ProcessInstance pi = place("REGULATORY_OR_RECALL");
        Task review = task(pi);
        refuseReviewWith = "SAME_APPROVER";
        assertThatThrownBy(() -> complete(review, withVariables("outcome", "RELEASE")))
                .hasMessageContaining("SAME_APPROVER");
        assertThat(pi).isWaitingAt(HoldProcess.REVIEW_TASK).hasNotPassed("Task_DecideSecondApproval");
    }

    @Test
    void scrap_is_single_approval_and_waits_for_each_warehouse_move_to_be_scanned() {
        ProcessInstance pi = place("CUSTOMER_COMPLAINT");
        movesToCreate = List.of(11L, 12L);
        answers.open = false; // scrapping everything closes the hold once both moves are posted
        complete(task(pi), withVariables("outcome", "SCRAP", "scrapReasonCode", "DAMAGED", "decisionNote", "crushed"));

        assertThat(pi).hasNotPassed(HoldProcess.APPROVAL_TASK).isWaitingAt(HoldProcess.MOVE_TASK);
        List<Task> moves = taskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(HoldProcess.MOVE_TASK)
                .list();
        assertThat(moves).hasSize(2);
        assertThat(moves.get(0)).hasCandidateGroup("warehouse");
        assertThat(moves)
                .extracting(Task::getName)
                .containsExactlyInAnyOrder("Move held stock · hold 7 · A-11", "Move held stock · hold 7 · A-12");
        complete(moves.get(0), withVariables("scannedLot", "L-1", "scannedLocation", "A-01"));
        assertThat(pi).isWaitingAt(HoldProcess.MOVE_TASK);
        complete(moves.get(1), withVariables("scannedLot", "L-1", "scannedLocation", "A-02"));
        assertThat(pi).isEnded();
        assertThat(happened)
                .contains(
                        "carry-out:SCRAP",
                        "direct-putaway:",
                        "move:create:11",
                        "move:create:12",
                        "move:complete:11",
                        "move:complete:12");
    }

    @Test
    void return_to_vendor_of_part_of_the_stock_brings_the_rest_back_for_review() {
        ProcessInstance pi = place("SUPPLIER_NOTICE");
        movesToCreate = List.of(21L);
        complete(
                task(pi),
                withVariables("outcome", "RETURN_TO_VENDOR", "returnQuantity", 20, "decisionNote", "supplier asked"));
        assertThat(pi).isWaitingAt(HoldProcess.MOVE_TASK);
        complete(task(pi), withVariables("scannedLot", "L-1", "scannedLocation", "RTV-01"));

        assertThat(pi)
                .hasPassedInOrder("Gateway_HoldStillOpen", "Gateway_ToReview")
                .isWaitingAt(HoldProcess.REVIEW_TASK);
        answers.open = false;
        movesToCreate = List.of();
        complete(task(pi), withVariables("outcome", "RELEASE", "decisionNote", "the rest is fine"));
        assertThat(pi).isEnded();
        assertThat(happened)
                .containsSubsequence(
                        "carry-out:RETURN_TO_VENDOR", "move:complete:21", "review:create", "carry-out:RELEASE");
    }

    @Test
    void a_long_open_hold_is_reminded_on_its_cycle_while_the_review_waits() {
        ProcessInstance pi = place("INVESTIGATION");
        Job reminder = managementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult();
        assertThat(reminder).isNotNull();
        execute(reminder);
        Job next = managementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult();
        assertThat(next).as("the cycle goes on").isNotNull();
        execute(next);

        assertThat(pi).isWaitingAt(HoldProcess.REVIEW_TASK).hasPassed("Task_RemindLongOpenHold");
        assertThat(happened).containsExactly("review:create", "reminder", "reminder");
        answers.open = false;
        complete(task(pi), withVariables("outcome", "RELEASE"));
        assertThat(pi).isEnded();
        assertThat(managementService()
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .as("no reminder after the hold is decided")
                .isZero();
    }
}
