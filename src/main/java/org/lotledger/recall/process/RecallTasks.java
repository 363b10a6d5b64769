package org.lotledger.recall.process;

import org.lotledger.recall.RecallQueries;
import org.lotledger.recall.RecallStatus;
import org.springframework.stereotype.Component;

/**
 * The follow-up's tasks of {@code ProductRecall} (ids as in bpmn/product-recall.bpmn) and what its gateways ask:
 * {@code ${recallTasks.closed(recallId)}} after "Approve recall closure".
 */
@Component("recallTasks")
public class RecallTasks {

    public static final String FOLLOW_UP_TASK = "Task_FollowUpUnansweredCustomers";
    public static final String APPROVE_CLOSURE_TASK = "Task_ApproveRecallClosure";
    public static final String FOLLOW_UP_TIMER = "BoundaryEvent_FollowUpDue";

    private final RecallQueries queries;

    RecallTasks(RecallQueries queries) {
        this.queries = queries;
    }

    /** Whether the closure was approved: the recall is CLOSED (the approval's listener closed it). */
    public boolean closed(Object recallId) {
        return queries.view(ProductRecallProcess.id(recallId)).status() == RecallStatus.CLOSED;
    }

    /** A form field as text: null when blank, else stripped. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }
}
