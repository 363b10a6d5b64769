package org.lotledger.fulfillment.override;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
import org.lotledger.fulfillment.override.process.AllocationOverrideProcess;
import org.lotledger.support.EngineOnly;

/**
 * The paths through bpmn/allocation-override-approval.bpmn, engine only (H2, listener, gateway bean and delegate
 * mocked; the real ones run on PostgreSQL in AllocationOverridesTest).
 */
@Deployment(resources = {"bpmn/allocation-override-approval.bpmn", "bpmn/forms/approve-allocation-override.form"})
class AllocationOverrideApprovalProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = EngineOnly.extension();

    final List<String> swapped = new ArrayList<>();
    String refuseWith;
    boolean approved;

    /** Stands in for AllocationOverrideProcess#approved: the record's answer. */
    public class Gateway {
        public boolean approved(Object overrideId) {
            return approved;
        }
    }

    @BeforeEach
    void standIns() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("approveAllocationOverrideListener", (TaskListener) (DelegateTask t) -> {
            if (refuseWith != null) {
                throw new IllegalStateException(refuseWith);
            }
            approved = "APPROVE".equals(t.getVariable("overrideDecision"));
        });
        Mocks.register("allocationOverrideProcess", new Gateway());
        Mocks.register("swapReservationDelegate", (JavaDelegate) (DelegateExecution e) -> {
            swapped.add("override " + e.getVariable("overrideId"));
            e.setVariable("newReservationId", 99L);
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    }

    ProcessInstance request(String group) {
        Map<String, Object> v = new HashMap<>();
        v.put("overrideId", 7L);
        v.put("approverGroup", group);
        v.put("approvalDue", new Date(System.currentTimeMillis() + 4 * 3600_000L));
        v.put("orderNumber", "SO-1");
        v.put("reservedLot", "123");
        v.put("proposedLot", "456");
        return engine.getRuntimeService()
                .startProcessInstanceByKey(
                        AllocationOverrideProcess.PROCESS_KEY, AllocationOverrideProcess.businessKey(7), v);
    }

    @Test
    void the_group_the_table_answered_gets_a_task_named_for_the_order_and_lots_and_an_approval_swaps() {
        ProcessInstance pi = request("operations");
        assertThat(pi).isWaitingAt("Task_ApproveAllocationOverride");
        assertThat(task(pi))
                .hasCandidateGroup("operations")
                .hasName("Approve override · order SO-1 · lot 123 → 456")
                .hasDueDate((Date) engine.getRuntimeService().getVariable(pi.getId(), "approvalDue"));
        complete(task(pi), withVariables("overrideDecision", "APPROVE"));
        assertThat(pi)
                .hasPassedInOrder(
                        "StartEvent_OverrideRequested",
                        "Task_ApproveAllocationOverride",
                        "Gateway_Approved",
                        "Task_SwapReservation",
                        "EndEvent_OverrideApplied")
                .isEnded();
        assertThat(swapped).containsExactly("override 7");
    }

    @Test
    void quality_managers_get_the_task_when_the_table_says_so() {
        ProcessInstance pi = request("quality-managers");
        assertThat(task(pi)).hasCandidateGroup("quality-managers");
    }

    @Test
    void a_rejection_ends_without_a_swap() {
        ProcessInstance pi = request("operations");
        complete(task(pi), withVariables("overrideDecision", "REJECT", "overrideComment", "keep FEFO"));
        assertThat(pi)
                .hasPassed("EndEvent_OverrideRejected")
                .hasNotPassed("Task_SwapReservation")
                .isEnded();
        assertThat(swapped).isEmpty();
    }

    @Test
    void a_refused_answer_leaves_the_task_open() {
        ProcessInstance pi = request("operations");
        refuseWith = "User otto asked for override 7; someone else approves it.";
        assertThatThrownBy(() -> complete(task(pi), withVariables("overrideDecision", "APPROVE")))
                .hasMessageContaining("someone else approves it");
        assertThat(pi).isWaitingAt("Task_ApproveAllocationOverride");
        assertThat(swapped).isEmpty();
    }
}
