package org.lotledger.transfers.process;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.transfers.ResolvingTransferDiscrepancies;
import org.lotledger.transfers.TransferDispatched;
import org.lotledger.transfers.TransferProcesses;
import org.lotledger.transfers.TransferReceiptClosed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * bpmn/inter-warehouse-transfer.bpmn and the application: starts one instance per dispatched transfer (business key
 * {@code transfer-<id>}) inside the dispatch's transaction, correlates the receipt's close (message
 * {@code TransferReceiptClosed}) inside the closing transaction, and answers the process's gateways from the records
 * ({@code ${interWarehouseTransferProcess.followUp(discrepancyId)}}, {@code stillInTransit(transferOrderId)}), not
 * from variables a user could set.
 */
@Component("interWarehouseTransferProcess")
public class InterWarehouseTransferProcess implements TransferProcesses {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InterWarehouseTransferProcess.class);

    public static final String PROCESS_KEY = "InterWarehouseTransfer";
    public static final String MESSAGE_RECEIPT_CLOSED = "TransferReceiptClosed";
    public static final String AWAIT_RECEIPT = "Task_AwaitReceiptClosed";
    public static final String CHASE_TASK = "Task_ChaseOverdueTransfer";
    public static final String RESOLVE_TASK = "Task_ResolveTransferDiscrepancy";
    public static final String FOLLOW_UP_TASK = "Task_ConfirmFollowUpPosting";
    /** The evidence a follow-up's confirmation leaves ({@code decision_record}), per discrepancy. */
    public static final String FOLLOW_UP_SUBJECT = "TRANSFER_DISCREPANCY_FOLLOW_UP";

    static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ResolvingTransferDiscrepancies resolving;

    public InterWarehouseTransferProcess(
            RuntimeService runtime, IdentityService identity, ResolvingTransferDiscrepancies resolving) {
        this.runtime = runtime;
        this.identity = identity;
        this.resolving = resolving;
    }

    public static String businessKey(long transferOrderId) {
        return "transfer-" + transferOrderId;
    }

    /** Starts the instance in the dispatch's transaction (the engine shares Spring's transaction manager). */
    @Override
    public void dispatched(TransferDispatched d) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(d.transferOrderId()), variables(d));
    }

    /** The start variables: ids and plain values for the tasks' names, forms and the timer. */
    static Map<String, Object> variables(TransferDispatched d) {
        Map<String, Object> v = new HashMap<>();
        v.put("transferOrderId", d.transferOrderId());
        v.put("orderNumber", d.orderNumber());
        v.put("fromWarehouse", d.fromWarehouseCode());
        v.put("toWarehouse", d.toWarehouseCode());
        v.put("expectedArrivalText", SHOWN.format(d.expectedArrivalAt()));
        v.put("overdueAt", Date.from(d.overdueAt()));
        v.put("overdueSinceText", SHOWN.format(d.overdueAt()));
        v.put("discrepancyIdsText", "");
        v.put("chaseNewDeadline", null);
        v.put("chaseNote", null);
        return v;
    }

    /**
     * The receipt closed (inside its transaction): the waiting instance goes on with the discrepancies it recorded.
     * An instance not waiting for a receipt (its discrepancies are still being resolved) refuses the close, which
     * rolls back with it: 409 TRANSFER_DISCREPANCIES_OPEN. A transfer without a running instance (dispatched before
     * the process existed) is let through with a warning.
     */
    @EventListener
    public void on(TransferReceiptClosed closed) {
        long running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey(closed.transferOrderId()))
                .count();
        if (running == 0) {
            // dispatched before the process existed, or closed already: nothing follows this transfer
            log.warn(
                    "Receipt of transfer {} closed without a running {} instance; nothing to correlate",
                    closed.orderNumber(),
                    PROCESS_KEY);
            return;
        }
        long waiting = runtime.createExecutionQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey(closed.transferOrderId()))
                .messageEventSubscriptionName(MESSAGE_RECEIPT_CLOSED)
                .count();
        if (waiting == 0) {
            throw DomainException.conflict(
                    "TRANSFER_DISCREPANCIES_OPEN",
                    "Transfer " + closed.orderNumber()
                            + " is not waiting for a receipt: its discrepancies are being resolved.",
                    Map.of("transferOrderId", closed.transferOrderId()));
        }
        runtime.createMessageCorrelation(MESSAGE_RECEIPT_CLOSED)
                .processInstanceBusinessKey(businessKey(closed.transferOrderId()))
                .setVariable("discrepancyIdsText", ids(closed.discrepancyIds()))
                .setVariable("receiptClosedBy", closed.closedBy())
                .correlateWithResult();
    }

    static String ids(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    /** The multi-instance collection: the discrepancy ids of the latest close. */
    public List<Long> discrepancies(Object text) {
        List<Long> ids = new ArrayList<>();
        if (text != null) {
            for (String s : text.toString().split(",")) {
                if (!s.isBlank()) {
                    ids.add(Long.parseLong(s.strip()));
                }
            }
        }
        return ids;
    }

    /** The follow-up of the decided outcome: NONE, POSTING or QUALITY (the gateway's question, from the record). */
    public String followUp(Object discrepancyId) {
        return resolving.decided(id(discrepancyId)).followUp().name();
    }

    /** Whether the decided outcome has another follow-up posting to offer (the loop after "Post follow-up"). */
    public boolean moreFollowUps(Object discrepancyId) {
        return resolving.moreFollowUps(id(discrepancyId));
    }

    public boolean stillInTransit(Object transferOrderId) {
        return resolving.stillInTransit(id(transferOrderId));
    }

    public Actor actor(String userId) {
        Set<String> groups = new HashSet<>();
        for (Group g : identity.createGroupQuery().groupMember(userId).list()) {
            groups.add(g.getId());
        }
        return new Actor(userId, groups);
    }

    static long id(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        return Long.parseLong(String.valueOf(v));
    }

    static String shown(Instant at) {
        return SHOWN.format(at);
    }
}
