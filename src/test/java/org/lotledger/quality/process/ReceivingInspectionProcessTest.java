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

/**
 * Every path through bpmn/receiving-inspection.bpmn, engine only (H2) with the delegates mocked: what the decision
 * table would answer is set by the mock; the real delegates are tested on PostgreSQL in ReceivingInspectionIT...Test.
 */
@Deployment(resources = {"bpmn/receiving-inspection.bpmn", "bpmn/forms/inspect-lot.form"})
class ReceivingInspectionProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    final List<String> posted = new ArrayList<>();
    final List<String> recorded = new ArrayList<>();

    void decisionSays(String level, String qaGroup) {
        // the integration tests' Spring Boot engine may live in the same JVM: assert against this one
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("decideInspectionLevelDelegate", (JavaDelegate) e -> {
            e.setVariable("inspectionLevel", level);
            e.setVariable("sampleSize", "SAMPLE".equals(level) ? 5L : 0L);
            e.setVariable("qaGroup", qaGroup);
            e.setVariable("inspectionSla", "PT4H");
        });
        Mocks.register("postInspectionResultDelegate", (JavaDelegate) e ->
                posted.add(e.getVariable("inspectionLevel") + ":" + e.getVariable("decision")));
        Mocks.register("inspectionResultListener", (TaskListener) (DelegateTask t) -> recorded.add(t.getTaskDefinitionKey()));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    }

    /** Started in the receiving transaction; the decision runs in a job of its own (asyncBefore). */
    ProcessInstance receive() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(StartingInspection.PROCESS_KEY, "lot-1:R-1",
                Map.of("lotId", 1L, "dockLocationId", 2L, "quantityUnderInspection", 40L, "receiptRef", "R-1",
                        "asnMismatch", false));
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
        assertThat(pi).hasPassed("Gateway_InspectionDue", "Gateway_ResultKnown").hasNotPassed("Task_InspectLot").isEnded();
        assertThat(posted).containsExactly("SKIP:null");
    }

    @Test
    void an_accepted_inspection_is_worked_by_the_group_the_table_names_and_then_posted() {
        decisionSays("VISUAL", "quality");
        ProcessInstance pi = receive();

        assertThat(pi).isWaitingAt("Task_InspectLot");
        assertThat(task(pi)).hasCandidateGroup("quality");
        complete(task(pi), withVariables("decision", "ACCEPT", "acceptedQuantity", 40, "rejectedQuantity", 0,
                "destroyedSamples", 0, "labelsLegible", true));
        execute(job());

        assertThat(pi).hasPassedInOrder("Task_DecideInspectionLevel", "Task_InspectLot", "Task_PostInspectionResult",
                "EndEvent_LotInspected").isEnded();
        assertThat(recorded).containsExactly("Task_InspectLot");
        assertThat(posted).containsExactly("VISUAL:ACCEPT");
    }

    @Test
    void a_rejected_inspection_is_posted_as_rejected() {
        decisionSays("FULL", "quality-managers");
        ProcessInstance pi = receive();

        assertThat(task(pi)).hasCandidateGroup("quality-managers");
        complete(task(pi), withVariables("decision", "REJECT", "acceptedQuantity", 0, "rejectedQuantity", 40,
                "destroyedSamples", 0, "decisionReason", "seal broken"));
        execute(job());
        assertThat(pi).isEnded();
        assertThat(posted).containsExactly("FULL:REJECT");
    }

    @Test
    void a_partial_result_with_destroyed_samples_is_posted_once() {
        decisionSays("SAMPLE", "quality");
        ProcessInstance pi = receive();

        complete(task(pi), withVariables("decision", "PARTIAL", "acceptedQuantity", 30, "rejectedQuantity", 7,
                "destroyedSamples", 3, "decisionReason", "7 damaged cartons"));
        execute(job());
        assertThat(pi).isEnded();
        assertThat(posted).containsExactly("SAMPLE:PARTIAL");
    }

    @Test
    void an_overdue_inspection_is_escalated_to_quality_managers_and_stays_open() {
        decisionSays("FULL", "quality");
        ProcessInstance pi = receive();

        assertThat(pi).isWaitingAt("Task_InspectLot");
        execute(job("Timer_InspectionOverdue"));

        assertThat(pi).isWaitingAt("Task_InspectLot", "Task_ChaseOverdueInspection");
        assertThat(taskQuery().taskDefinitionKey("Task_ChaseOverdueInspection").singleResult())
                .hasCandidateGroup("quality-managers");
        assertThat(posted).isEmpty();
    }
}
