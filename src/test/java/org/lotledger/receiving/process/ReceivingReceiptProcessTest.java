package org.lotledger.receiving.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lotledger.evidence.DecisionRecords;
import org.lotledger.platform.camunda.SignedInUser;
import org.lotledger.support.EngineOnly;

/**
 * Every path through bpmn/receiving-receipt.bpmn, engine only (H2): lots received start an inspection each; a
 * receipt closed without differences ends; one with differences waits for a receiving supervisor, whose answer the
 * real complete listener checks (a bad one is refused, the task stays open) and records. Starting the inspection is
 * mocked here; on PostgreSQL, ReceivingReceiptIntegrationTest runs it for real.
 */
@Deployment(resources = {"bpmn/receiving-receipt.bpmn", "bpmn/forms/resolve-receipt-discrepancy.form"})
class ReceivingReceiptProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = EngineOnly.extension();

    /** what Task_StartInspection saw, per lot: lotId, receiptLineId, asnMismatch */
    final List<String> inspectionsStarted = new ArrayList<>();
    /** what the listener recorded: subject, decision, user */
    final List<String> recorded = new ArrayList<>();

    @BeforeEach
    void init() {
        // the integration tests' Spring Boot engine may live in the same JVM: assert against this one
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("startInspectionDelegate", (JavaDelegate) e -> {
            inspectionsStarted.add(
                    e.getVariable("lotId") + "/" + e.getVariable("receiptLineId") + "/" + e.getVariable("asnMismatch"));
            e.setVariableLocal("inspectionProcessInstanceId", "inspection-of-" + e.getVariable("lotId"));
        });
        DecisionRecords records = new DecisionRecords(null, null) {
            @Override
            public long record(
                    String processInstanceId,
                    String activityId,
                    String taskId,
                    String subjectType,
                    String subjectId,
                    String decision,
                    Map<String, ?> details,
                    String decidedBy) {
                recorded.add(activityId + " " + subjectType + "-" + subjectId + " " + decision + " by " + decidedBy
                        + " (" + details.get("reason") + ")");
                return recorded.size();
            }
        };
        Mocks.register(
                "resolveReceiptDiscrepancyListener",
                new ResolveReceiptDiscrepancyListener(
                        records, new SignedInUser(engine.getProcessEngine().getIdentityService())));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
        engine.getProcessEngine().getIdentityService().clearAuthentication();
    }

    ProcessInstance open() {
        ProcessInstance pi = runtimeService()
                .startProcessInstanceByKey(
                        RunningReceiptProcess.PROCESS_KEY,
                        "receipt-7",
                        Map.of(
                                "receiptId",
                                7L,
                                "poNumber",
                                "PO-1",
                                "supplierName",
                                "MediGlove",
                                "asnNumber",
                                "ASN-1",
                                "dockBarcode",
                                "EAST-DOCK-01",
                                "purchaseOrderId",
                                3L,
                                "supplierId",
                                4L));
        assertThat(pi).isWaitingAt("Event_ReceiptClosed");
        return pi;
    }

    void receive(long lotId, long lineId, boolean asnMismatch) {
        runtimeService()
                .createMessageCorrelation("LotReceived")
                .processInstanceBusinessKey("receipt-7")
                .setVariablesToTriggeredScope(Map.of(
                        "receiptId",
                        7L,
                        "receiptLineId",
                        lineId,
                        "lotId",
                        lotId,
                        "dockLocationId",
                        2L,
                        "quantityBaseUnits",
                        40L,
                        "asnMismatch",
                        asnMismatch))
                .correlateWithResult();
    }

    void close(long discrepancies, long missing) {
        Map<String, Object> v = new HashMap<>();
        v.put("closedBy", "rita");
        v.put("discrepancyCount", discrepancies);
        v.put("missingCount", missing);
        v.put("discrepancyTypes", discrepancies == 0 ? "" : "QUANTITY, NOT_ARRIVED");
        v.put("discrepancySummary", discrepancies == 0 ? "none" : "- **Quantity** ...\n- **Not arrived** ...");
        runtimeService()
                .createMessageCorrelation("ReceiptClosed")
                .processInstanceBusinessKey("receipt-7")
                .setVariables(v)
                .correlateWithResult();
    }

    @Test
    void each_received_lot_starts_its_inspection_and_keeps_its_variables_to_itself() {
        ProcessInstance pi = open();

        receive(11, 101, false);
        receive(12, 102, true);

        assertThat(inspectionsStarted).containsExactly("11/101/false", "12/102/true");
        assertThat(pi)
                .hasPassed("StartEvent_LotReceived", "Task_StartInspection", "EndEvent_InspectionStarted")
                .isWaitingAt("Event_ReceiptClosed");
        // the lots' variables lived in the event subprocess's scope, not on the receipt
        assertThat(runtimeService().getVariables(pi.getId()))
                .doesNotContainKeys("lotId", "receiptLineId", "asnMismatch", "inspectionProcessInstanceId")
                .containsEntry("receiptId", 7L);
    }

    @Test
    void a_receipt_closed_without_differences_from_its_asn_ends() {
        ProcessInstance pi = open();
        receive(11, 101, false);

        close(0, 0);

        assertThat(pi)
                .hasPassedInOrder("Event_ReceiptClosed", "Gateway_DiscrepanciesFound", "EndEvent_ReceiptMatchedAsn")
                .hasNotPassed("Task_ResolveReceiptDiscrepancy")
                .isEnded();
    }

    @Test
    void differences_go_to_the_receiving_supervisors_and_their_resolution_is_recorded() {
        ProcessInstance pi = open();
        receive(11, 101, true);

        close(2, 1);

        assertThat(pi).isWaitingAt("Task_ResolveReceiptDiscrepancy");
        assertThat(task(pi))
                .hasCandidateGroup("receiving-supervisors")
                .hasName("Resolve receipt discrepancy · receipt 7 · MediGlove");
        assertThat(taskService()
                        .getVariable(task(pi).getId(), "discrepancySummary")
                        .toString())
                .contains("Not arrived");

        engine.getProcessEngine()
                .getIdentityService()
                .setAuthentication("sam", List.of("receiving", "receiving-supervisors"));
        taskService()
                .complete(
                        task(pi).getId(),
                        Map.of(
                                "decision",
                                "SUPPLIER_TO_SEND_MISSING",
                                "decisionReason",
                                "supplier ships lot R next week"));

        assertThat(pi)
                .hasPassedInOrder(
                        "Event_ReceiptClosed", "Task_ResolveReceiptDiscrepancy", "EndEvent_DiscrepancyResolved")
                .isEnded();
        assertThat(recorded)
                .containsExactly("Task_ResolveReceiptDiscrepancy RECEIPT-7 SUPPLIER_TO_SEND_MISSING by sam"
                        + " (supplier ships lot R next week)");
    }

    @Test
    void a_bad_resolution_is_refused_with_a_readable_message_and_the_task_stays_open() {
        ProcessInstance pi = open();
        close(1, 0); // one difference, nothing missing (e.g. an expiry)
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> taskService()
                        .complete(taskId, Map.of("decision", "ACCEPT_AS_RECEIVED", "decisionReason", "ok")))
                .as("nobody signed in")
                .hasMessageContaining("Only a signed-in receiving supervisor");

        engine.getProcessEngine().getIdentityService().setAuthentication("sam", List.of("receiving-supervisors"));
        assertThatThrownBy(() -> taskService().complete(taskId, Map.of("decisionReason", "no choice made")))
                .hasMessageContaining("Choose a resolution");
        assertThatThrownBy(() -> taskService()
                        .complete(
                                taskId,
                                Map.of("decision", "SUPPLIER_TO_SEND_MISSING", "decisionReason", "send the rest")))
                .hasMessageContaining("Nothing is missing from this receipt");
        assertThatThrownBy(() -> taskService()
                        .complete(taskId, Map.of("decision", "CLAIM_WITH_SUPPLIER", "decisionReason", "ok")))
                .hasMessageContaining("note of at least 5 characters");

        assertThat(pi).isWaitingAt("Task_ResolveReceiptDiscrepancy");
        assertThat(recorded).isEmpty();
        taskService()
                .complete(
                        taskId,
                        Map.of(
                                "decision",
                                "CLAIM_WITH_SUPPLIER",
                                "decisionReason",
                                "credit note asked for the short-dated lot"));
        assertThat(pi).isEnded();
        assertThat(recorded).singleElement().asString().contains("CLAIM_WITH_SUPPLIER by sam");
    }
}
