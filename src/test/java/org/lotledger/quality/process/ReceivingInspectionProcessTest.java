package org.lotledger.quality.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lotledger.support.EngineOnly;

/**
 * Every path through bpmn/receiving-inspection.bpmn, engine only (H2) with the delegates mocked. "Decide inspection
 * level" is a business rule task: the real table (dmn/inspection-level.dmn) decides, from the lot's facts set at the
 * start; the real delegates are tested on PostgreSQL in ReceivingInspectionIntegrationTest.
 */
@Deployment(resources = {"bpmn/receiving-inspection.bpmn", "bpmn/forms/inspect-lot.form", "dmn/inspection-level.dmn"})
class ReceivingInspectionProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = EngineOnly.extension();

    final List<String> posted = new ArrayList<>();
    final List<String> recorded = new ArrayList<>();

    final List<String> directed = new ArrayList<>();
    final Map<String, Object> lot = new HashMap<>();

    /** The lot's facts at the start, chosen so that the table answers the level and group named. */
    void decisionSays(String level, String qaGroup) {
        // the integration tests' Spring Boot engine may live in the same JVM: assert against this one
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        lot.putAll(Map.of(
                "lotNumber",
                "45951A",
                "sku",
                "DRS-FOAM-10",
                "quantityText",
                "40 EA",
                "supplierApprovalStatus",
                "APPROVED",
                "temperatureClass",
                "AMBIENT",
                "riskClass",
                "CLASS_II",
                "firstReceiptFromSupplier",
                false));
        switch (level + " " + qaGroup) {
            case "SKIP quality" -> lot.put("riskClass", "CLASS_I");
            case "VISUAL quality" -> {}
            case "SAMPLE quality" -> lot.put("firstReceiptFromSupplier", true);
            case "FULL quality" -> lot.putAll(Map.of("riskClass", "RX", "firstReceiptFromSupplier", true));
            case "FULL quality-managers" -> lot.put("supplierApprovalStatus", "BLOCKED");
            default -> throw new IllegalArgumentException(level + " " + qaGroup);
        }
        Mocks.register("postInspectionResultDelegate", (JavaDelegate) e -> {
            posted.add(e.getVariable("inspectionLevel") + ":" + e.getVariable("decision"));
            e.setVariable("releasedStock", "1@2");
        });
        Mocks.register("directPutawayDelegate", (JavaDelegate)
                e -> directed.add(String.valueOf(e.getVariable("releasedStock"))));
        Mocks.register(
                "inspectionResultListener", (TaskListener) (DelegateTask t) -> recorded.add(t.getTaskDefinitionKey()));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    }

    /** Started in the receiving transaction; the decision runs in a job of its own (asyncBefore). */
    ProcessInstance receive() {
        Map<String, Object> v = new HashMap<>(lot);
        v.putAll(Map.of(
                "lotId",
                1L,
                "dockLocationId",
                2L,
                "quantityUnderInspection",
                40L,
                "receiptRef",
                "R-1",
                "asnMismatch",
                false));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(StartingInspection.PROCESS_KEY, "lot-1:R-1", v);
        assertThat(pi).isWaitingAt("Task_DecideInspectionLevel");
        execute(job());
        return pi;
    }

    @Test
    void no_inspection_due_posts_the_release_without_a_task() {
        decisionSays("SKIP", "quality");
        ProcessInstance pi = receive();

        assertThat(pi).isWaitingAt("Task_PostInspectionResult"); // asyncBefore: its own transaction
        execute(job());
        assertThat(pi)
                .hasPassed("Gateway_InspectionDue", "Gateway_ResultKnown")
                .hasNotPassed("Task_InspectLot")
                .isEnded();
        assertThat(posted).containsExactly("SKIP:null");
    }

    @Test
    void an_accepted_inspection_is_worked_by_the_group_the_table_names_and_then_posted() {
        decisionSays("VISUAL", "quality");
        ProcessInstance pi = receive();

        assertThat(pi).isWaitingAt("Task_InspectLot");
        assertThat(task(pi)).hasCandidateGroup("quality").hasName("Inspect lot 45951A · DRS-FOAM-10 · 40 EA");
        assertThat(pi)
                .variables()
                .containsEntry("inspectionLevel", "VISUAL")
                .containsEntry("slaHours", 24L)
                .containsEntry("inspectionSla", "PT24H");
        complete(
                task(pi),
                withVariables(
                        "decision",
                        "ACCEPT",
                        "acceptedQuantity",
                        40,
                        "rejectedQuantity",
                        0,
                        "destroyedSamples",
                        0,
                        "labelsLegible",
                        true));
        execute(job());

        assertThat(pi)
                .hasPassedInOrder(
                        "Task_DecideInspectionLevel",
                        "Task_InspectLot",
                        "Task_PostInspectionResult",
                        "Task_DirectPutaway",
                        "EndEvent_LotInspected")
                .isEnded();
        assertThat(recorded).containsExactly("Task_InspectLot");
        assertThat(posted).containsExactly("VISUAL:ACCEPT");
        assertThat(directed)
                .as("the putaway of what the posting made AVAILABLE at the dock is directed")
                .containsExactly("1@2");
    }

    @Test
    void a_rejected_inspection_is_posted_as_rejected() {
        decisionSays("FULL", "quality-managers");
        ProcessInstance pi = receive();

        assertThat(task(pi)).hasCandidateGroup("quality-managers");
        complete(
                task(pi),
                withVariables(
                        "decision",
                        "REJECT",
                        "acceptedQuantity",
                        0,
                        "rejectedQuantity",
                        40,
                        "destroyedSamples",
                        0,
                        "decisionReason",
                        "seal broken"));
        execute(job());
        assertThat(pi).isEnded();
        assertThat(posted).containsExactly("FULL:REJECT");
    }

    @Test
    void a_partial_result_with_destroyed_samples_is_posted_once() {
        decisionSays("SAMPLE", "quality");
        ProcessInstance pi = receive();

        complete(
                task(pi),
                withVariables(
                        "decision",
                        "PARTIAL",
                        "acceptedQuantity",
                        30,
                        "rejectedQuantity",
                        7,
                        "destroyedSamples",
                        3,
                        "decisionReason",
                        "7 damaged cartons"));
        execute(job());
        assertThat(pi).isEnded();
        assertThat(posted).containsExactly("SAMPLE:PARTIAL");
    }

    @Test
    void an_overdue_inspection_is_escalated_to_quality_managers_and_stays_open() {
        decisionSays("FULL", "quality");
        ProcessInstance pi = receive();

        assertThat(pi).isWaitingAt("Task_InspectLot");
        // the due date and the overdue timer read one value: the table's SLA (24 h for this rule), from creation
        org.camunda.bpm.engine.task.Task inspect =
                taskQuery().taskDefinitionKey("Task_InspectLot").singleResult();
        java.util.Date timerDue = engine.getManagementService()
                .createJobQuery()
                .timers()
                .singleResult()
                .getDuedate();
        assertThat(inspect.getDueDate()).isCloseTo(timerDue, 1000);
        assertThat(inspect.getDueDate().getTime() - inspect.getCreateTime().getTime())
                .isCloseTo(24 * 3_600_000L, org.assertj.core.api.Assertions.within(1000L));
        assertThat(inspect.getFollowUpDate().getTime() - inspect.getCreateTime().getTime())
                .isCloseTo(12 * 3_600_000L, org.assertj.core.api.Assertions.within(1000L));
        execute(job("Timer_InspectionOverdue"));

        assertThat(pi).isWaitingAt("Task_InspectLot", "Task_ChaseOverdueInspection");
        assertThat(taskQuery().taskDefinitionKey("Task_ChaseOverdueInspection").singleResult())
                .hasCandidateGroup("quality-managers")
                .hasName("Chase overdue inspection · lot 45951A · DRS-FOAM-10 · 40 EA");
        assertThat(posted).isEmpty();
    }
}
