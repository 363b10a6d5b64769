package org.lotledger.transfers.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.lotledger.support.EngineOnly;
import org.lotledger.transfers.TransferDispatched;

/**
 * Every path through bpmn/inter-warehouse-transfer.bpmn, engine only (H2; the delegates, listeners and the gateway
 * bean stand in, answering from what the test decides; the real ones run on PostgreSQL in
 * InterWarehouseTransferIntegrationTest): the overdue timer with the engine clock, repeated until the receipt
 * closes; each follow-up (none, a posting by its group, quality); parallel discrepancies; waiting again while stock
 * is in transit; the close.
 */
@Deployment(
        resources = {
            "bpmn/inter-warehouse-transfer.bpmn",
            "bpmn/forms/chase-overdue-transfer.form",
            "bpmn/forms/resolve-transfer-discrepancy.form",
            "bpmn/forms/confirm-transfer-posting.form"
        })
class InterWarehouseTransferProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = EngineOnly.extension();

    static final Instant DISPATCHED = Instant.parse("2026-12-02T14:00:00Z");
    static final Instant OVERDUE = Instant.parse("2026-12-04T14:00:00Z");

    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<Long, String> outcomes = new HashMap<>();
    final List<Boolean> inTransit = new ArrayList<>();
    String refuseFollowUp;

    /** Stands in for InterWarehouseTransferProcess's gateway methods. */
    public class Gateway {
        public List<Long> discrepancies(Object text) {
            List<Long> ids = new ArrayList<>();
            for (String s : String.valueOf(text).split(",")) {
                if (!s.isBlank()) {
                    ids.add(Long.parseLong(s));
                }
            }
            return ids;
        }

        public String followUp(Object id) {
            String o = outcomes.get(((Number) id).longValue());
            return switch (o) {
                case "LOST_IN_TRANSIT", "NEVER_LEFT", "FOUND", "ORIGIN_CONFIRMS", "WRONG_LOT_CORRECTED" -> "POSTING";
                case "QUALITY_DECIDES" -> "QUALITY";
                default -> "NONE";
            };
        }

        public boolean stillInTransit(Object id) {
            return !inTransit.isEmpty() && inTransit.remove(0);
        }

        /** WRONG_LOT_CORRECTED posts twice (the reversal, then the transfer-out of the lot sent); the others once. */
        public boolean moreFollowUps(Object id) {
            long d = ((Number) id).longValue();
            int steps = "WRONG_LOT_CORRECTED".equals(outcomes.get(d)) ? 2 : 1;
            return posted.getOrDefault(d, 0) < steps;
        }
    }

    final Map<Long, Integer> posted = new HashMap<>();

    @BeforeEach
    void standIns() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(DISPATCHED));
        Mocks.register("interWarehouseTransferProcess", new Gateway());
        Mocks.register("recordOverdueAlertDelegate", (JavaDelegate) e -> {
            calls.add("alert since " + ((Date) e.getVariable("overdueAt")).toInstant());
            e.setVariable(
                    "overdueSinceText",
                    InterWarehouseTransferProcess.shown(((Date) e.getVariable("overdueAt")).toInstant()));
        });
        Mocks.register("chaseOverdueTransferListener", (TaskListener) (DelegateTask t) -> {
            Instant next = ChaseOverdueTransferListener.parse(t.getVariable("chaseNewDeadline"));
            calls.add("chased until " + next);
            t.getExecution().getProcessInstance().setVariable("overdueAt", Date.from(next));
        });
        Mocks.register("prepareTransferDiscrepancyDelegate", (JavaDelegate) (DelegateExecution e) -> {
            long id = ((Number) e.getVariable("discrepancyId")).longValue();
            e.setVariableLocal("discrepancyType", id == 13 ? "DAMAGED" : "SHORT");
            e.setVariableLocal("lotNumber", "L-" + id);
            e.setVariableLocal("quantityText", "2 EA");
            e.setVariableLocal(
                    "resolverGroups", id == 13 ? "receiving-supervisors@WEST,quality" : "receiving-supervisors@WEST");
            for (String v : new String[] {"resolutionOutcome", "followUpGroup", "followUpName", "followUpConfirmed"}) {
                e.setVariableLocal(v, null);
            }
        });
        Mocks.register("resolveTransferDiscrepancyListener", (TaskListener) (DelegateTask t) -> {
            long id = ((Number) t.getVariable("discrepancyId")).longValue();
            String outcome = String.valueOf(t.getVariable("resolutionOutcome"));
            outcomes.put(id, outcome);
            calls.add("decided " + id + " " + outcome);
            if (outcome.equals("LOST_IN_TRANSIT")) {
                t.getExecution().setVariable("followUpGroup", "inventory-control");
                t.getExecution().setVariable("followUpName", "Write off 2 EA of lot L-" + id + " lost in transit");
            } else if (outcome.equals("WRONG_LOT_CORRECTED")) {
                t.getExecution().setVariable("followUpGroup", "inventory-control@EAST");
                t.getExecution().setVariable("followUpName", "Reverse transfer-out of lot L-" + id + " (wrong lot)");
            } else if (outcome.equals("NEVER_LEFT")) {
                t.getExecution().setVariable("followUpGroup", "inventory-control@EAST");
                t.getExecution().setVariable("followUpName", "Reverse transfer-out of lot L-" + id);
            }
        });
        Mocks.register("confirmTransferPostingListener", (TaskListener) (DelegateTask t) -> {
            if (refuseFollowUp != null) {
                throw new IllegalStateException(refuseFollowUp);
            }
        });
        Mocks.register("postTransferFollowUpDelegate", (JavaDelegate) e -> {
            long id = ((Number) e.getVariable("discrepancyId")).longValue();
            calls.add("posted " + id);
            posted.merge(id, 1, Integer::sum);
            if ("WRONG_LOT_CORRECTED".equals(outcomes.get(id)) && posted.get(id) == 1) {
                e.setVariable("followUpGroup", "warehouse@EAST");
                e.setVariable("followUpName", "Post transfer-out of lot M-" + id + " sent instead");
            }
        });
        Mocks.register("handTransferStockToQualityDelegate", (JavaDelegate)
                e -> calls.add("to quality " + e.getVariable("discrepancyId")));
        Mocks.register(
                "closeTransferDelegate", (JavaDelegate) e -> calls.add("closed " + e.getVariable("transferOrderId")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    }

    ProcessInstance dispatch() {
        TransferDispatched d = new TransferDispatched(
                3L,
                "TO-EAST-3",
                "EAST",
                "WEST",
                "AMBIENT",
                DISPATCHED,
                OVERDUE.minusSeconds(6 * 3600),
                OVERDUE,
                "walt");
        return engine.getRuntimeService()
                .startProcessInstanceByKey(
                        InterWarehouseTransferProcess.PROCESS_KEY,
                        InterWarehouseTransferProcess.businessKey(3),
                        InterWarehouseTransferProcess.variables(d));
    }

    void receiptClosed(ProcessInstance pi, String discrepancyIds) {
        engine.getRuntimeService()
                .createMessageCorrelation(InterWarehouseTransferProcess.MESSAGE_RECEIPT_CLOSED)
                .processInstanceBusinessKey(pi.getBusinessKey())
                .setVariable("discrepancyIdsText", discrepancyIds)
                .correlateWithResult();
    }

    Job timer(ProcessInstance pi) {
        return engine.getManagementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult();
    }

    @Test
    void the_overdue_timer_opens_a_chase_for_operations_and_repeats_until_the_receipt_closes() {
        ProcessInstance pi = dispatch();
        assertThat(pi).isWaitingAt("Task_AwaitReceiptClosed");
        assertThat(timer(pi).getDuedate()).isEqualTo(Date.from(OVERDUE));
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();

        ClockUtil.setCurrentTime(Date.from(OVERDUE.plusSeconds(60)));
        execute(timer(pi));
        assertThat(calls).containsExactly("alert since " + OVERDUE);
        assertThat(task(pi))
                .hasDefinitionKey("Task_ChaseOverdueTransfer")
                .hasCandidateGroup("operations")
                .hasName("Chase transfer TO-EAST-3 · overdue since 2026-12-04 14:00 UTC");
        assertThat(pi).isWaitingAt("Task_AwaitReceiptClosed", "Task_ChaseOverdueTransfer");

        complete(task(pi), withVariables("chaseNewDeadline", "2026-12-06T12:00", "chaseNote", "carrier: truck broke"));
        assertThat(pi).isWaitingAt("Task_AwaitReceiptClosed", "Event_WaitForNewDeadline");
        Instant again = Instant.parse("2026-12-06T12:00:00Z");
        assertThat(timer(pi).getDuedate()).isEqualTo(Date.from(again));

        ClockUtil.setCurrentTime(Date.from(again.plusSeconds(60)));
        execute(timer(pi));
        assertThat(calls).containsExactly("alert since " + OVERDUE, "chased until " + again, "alert since " + again);
        assertThat(task(pi)).hasName("Chase transfer TO-EAST-3 · overdue since 2026-12-06 12:00 UTC");

        // the receipt closes while the chase is open: the chase goes with the wait; nothing differs, nothing in transit
        receiptClosed(pi, "");
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(pi)
                .hasPassed("EndEvent_ReceiptClosed", "Gateway_StillInTransit", "Task_CloseTransfer")
                .hasPassed("EndEvent_TransferClosed")
                .isEnded();
        assertThat(calls).last().isEqualTo("closed 3");
    }

    @Test
    void a_receipt_before_the_deadline_closes_the_transfer_without_an_alert() {
        ProcessInstance pi = dispatch();
        receiptClosed(pi, "");
        assertThat(pi)
                .hasPassedInOrder(
                        "StartEvent_TransferDispatched",
                        "Task_AwaitReceiptClosed",
                        "EndEvent_ReceiptClosed",
                        "Gateway_StillInTransit",
                        "Task_CloseTransfer",
                        "EndEvent_TransferClosed")
                .hasNotPassed("Task_RecordOverdueAlert")
                .isEnded();
        assertThat(calls).containsExactly("closed 3");
    }

    @Test
    void lost_in_transit_is_decided_by_the_supervisors_and_posted_by_inventory_control() {
        ProcessInstance pi = dispatch();
        receiptClosed(pi, "11");
        assertThat(pi).isWaitingAt("Task_ResolveTransferDiscrepancy");
        assertThat(task(pi))
                .hasCandidateGroup("receiving-supervisors@WEST")
                .hasName("Resolve transfer discrepancy · TO-EAST-3 · SHORT · lot L-11 · 2 EA");
        complete(task(pi), withVariables("resolutionOutcome", "LOST_IN_TRANSIT"));
        assertThat(pi).isWaitingAt("Task_ConfirmFollowUpPosting");
        assertThat(task(pi))
                .hasCandidateGroup("inventory-control")
                .hasName("Write off 2 EA of lot L-11 lost in transit");
        complete(task(pi), withVariables("followUpConfirmed", true));
        assertThat(pi)
                .hasPassedInOrder(
                        "Task_PrepareDiscrepancy",
                        "Task_ResolveTransferDiscrepancy",
                        "Gateway_FollowUp",
                        "Task_ConfirmFollowUpPosting",
                        "Task_PostFollowUp",
                        "EndEvent_FollowUpPosted",
                        "Task_CloseTransfer")
                .isEnded();
        assertThat(calls).containsExactly("decided 11 LOST_IN_TRANSIT", "posted 11", "closed 3");
    }

    @Test
    void never_left_goes_to_the_origins_inventory_control_and_a_refused_confirmation_posts_nothing() {
        ProcessInstance pi = dispatch();
        receiptClosed(pi, "12");
        complete(task(pi), withVariables("resolutionOutcome", "NEVER_LEFT"));
        assertThat(task(pi)).hasCandidateGroup("inventory-control@EAST");
        refuseFollowUp = "ivy is not inventory-control of EAST";
        Task followUp = task(pi);
        assertThatThrownBy(() -> complete(followUp, withVariables("followUpConfirmed", true)))
                .hasMessageContaining("not inventory-control of EAST");
        assertThat(pi).isWaitingAt("Task_ConfirmFollowUpPosting");
        assertThat(calls).doesNotContain("posted 12");
        refuseFollowUp = null;
        complete(task(pi), withVariables("followUpConfirmed", true));
        assertThat(calls).containsExactly("decided 12 NEVER_LEFT", "posted 12", "closed 3");
        assertThat(pi).isEnded();
    }

    @Test
    void a_wrong_lot_loops_over_its_follow_ups_each_for_its_own_group_then_waits_for_the_lot_sent() {
        ProcessInstance pi = dispatch();
        receiptClosed(pi, "15");
        complete(task(pi), withVariables("resolutionOutcome", "WRONG_LOT_CORRECTED"));
        assertThat(task(pi))
                .hasCandidateGroup("inventory-control@EAST")
                .hasName("Reverse transfer-out of lot L-15 (wrong lot)");
        complete(task(pi), withVariables("followUpConfirmed", true));
        assertThat(pi).isWaitingAt("Task_ConfirmFollowUpPosting");
        assertThat(task(pi)).hasCandidateGroup("warehouse@EAST").hasName("Post transfer-out of lot M-15 sent instead");
        inTransit.add(true); // the lot sent is in transit now, under the transfer
        complete(task(pi), withVariables("followUpConfirmed", true));
        assertThat(pi)
                .hasPassed("Gateway_MoreFollowUps", "EndEvent_FollowUpPosted", "Gateway_StillInTransit")
                .isWaitingAt("Task_AwaitReceiptClosed");
        receiptClosed(pi, "");
        assertThat(pi).hasPassed("Task_CloseTransfer").isEnded();
        assertThat(calls).containsExactly("decided 15 WRONG_LOT_CORRECTED", "posted 15", "posted 15", "closed 3");
    }

    @Test
    void still_coming_waits_again_for_the_rest_and_closes_when_it_arrived() {
        ProcessInstance pi = dispatch();
        receiptClosed(pi, "14");
        inTransit.add(true); // after the decision, the rest is still in transit
        complete(task(pi), withVariables("resolutionOutcome", "STILL_COMING"));
        assertThat(pi)
                .hasPassed("EndEvent_DiscrepancyDecided", "Gateway_StillInTransit")
                .hasNotPassed("Task_ConfirmFollowUpPosting", "Task_CloseTransfer")
                .isWaitingAt("Task_AwaitReceiptClosed");
        assertThat(timer(pi)).as("the wait has its timer again").isNotNull();
        receiptClosed(pi, "");
        assertThat(pi).hasPassed("Task_CloseTransfer").isEnded();
        assertThat(calls).containsExactly("decided 14 STILL_COMING", "closed 3");
    }

    @Test
    void damaged_units_go_to_quality_and_each_discrepancy_has_its_own_task() {
        ProcessInstance pi = dispatch();
        receiptClosed(pi, "11,13");
        List<Task> tasks = taskQuery().processInstanceId(pi.getId()).list();
        assertThat(tasks)
                .extracting(Task::getName)
                .containsExactlyInAnyOrder(
                        "Resolve transfer discrepancy · TO-EAST-3 · SHORT · lot L-11 · 2 EA",
                        "Resolve transfer discrepancy · TO-EAST-3 · DAMAGED · lot L-13 · 2 EA");
        Task damaged = tasks.stream()
                .filter(t -> t.getName().contains("DAMAGED"))
                .findFirst()
                .orElseThrow();
        assertThat(damaged).hasCandidateGroup("quality").hasCandidateGroup("receiving-supervisors@WEST");
        Task shortOne = tasks.stream()
                .filter(t -> t.getName().contains("SHORT"))
                .findFirst()
                .orElseThrow();
        complete(damaged, withVariables("resolutionOutcome", "QUALITY_DECIDES"));
        assertThat(pi)
                .hasPassed("Task_HandToQuality", "EndEvent_HandedToQuality")
                .isNotEnded();
        complete(shortOne, withVariables("resolutionOutcome", "LOST_IN_TRANSIT"));
        complete(task(pi), withVariables("followUpConfirmed", true));
        assertThat(pi).isEnded();
        assertThat(calls)
                .containsExactly(
                        "decided 13 QUALITY_DECIDES",
                        "to quality 13",
                        "decided 11 LOST_IN_TRANSIT",
                        "posted 11",
                        "closed 3");
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .variableName("resolutionOutcome")
                        .list())
                .as("each discrepancy's answer stayed in its own scope")
                .hasSize(2);
    }

    @Test
    void the_chase_refuses_a_malformed_deadline_and_the_task_stays_open() {
        ProcessInstance pi = dispatch();
        ClockUtil.setCurrentTime(Date.from(OVERDUE.plusSeconds(60)));
        execute(job(pi));
        assertThatThrownBy(() -> complete(task(pi), withVariables("chaseNewDeadline", "next tuesday")))
                .hasMessageContaining("ISO date");
        assertThat(pi).isWaitingAt("Task_AwaitReceiptClosed", "Task_ChaseOverdueTransfer");
    }
}
