package org.lotledger.transfers.process;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.platform.camunda.SignedInUser;
import org.lotledger.platform.security.Groups;
import org.lotledger.transfers.ResolvingTransferDiscrepancies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Chase overdue transfer", on complete: the signed-in member of operations (never a form field) says what they
 * learnt and, optionally, a new deadline ({@code chaseNewDeadline}: ISO date-time, UTC unless it names an offset;
 * after now, at most 90 days ahead). The process waits until that deadline, or {@code chase-again-after} from now,
 * before it alerts again. A refusal leaves the task open and nothing changed.
 */
@Component("chaseOverdueTransferListener")
public class ChaseOverdueTransferListener implements TaskListener {

    private final ResolvingTransferDiscrepancies resolving;
    private final InterWarehouseTransferProcess process;
    private final SignedInUser signedIn;
    private final Duration chaseAgainAfter;

    public ChaseOverdueTransferListener(
            ResolvingTransferDiscrepancies resolving,
            InterWarehouseTransferProcess process,
            SignedInUser signedIn,
            @Value("${lotledger.transfers.chase-again-after:PT24H}") Duration chaseAgainAfter) {
        this.resolving = resolving;
        this.process = process;
        this.signedIn = signedIn;
        this.chaseAgainAfter = chaseAgainAfter;
    }

    @Override
    public void notify(DelegateTask task) {
        Actor actor = process.actor(signedIn.of(task, "member of operations"));
        if (!actor.isIn(Groups.OPERATIONS) && !actor.isIn(Groups.ADMIN)) {
            throw new DomainException(
                    "TASK_NOT_ALLOWED",
                    DomainException.Kind.FORBIDDEN,
                    "Operations chases overdue transfers, not " + actor.userId() + ".",
                    Map.of("taskId", task.getId()));
        }
        Instant deadline = parse(task.getVariable("chaseNewDeadline"));
        Object note = task.getVariable("chaseNote");
        if (note != null && note.toString().length() > 500) {
            throw DomainException.unprocessable(
                    "CHASE_NOTE_TOO_LONG", "A chase note has at most 500 characters.", Map.of());
        }
        long id = InterWarehouseTransferProcess.id(task.getVariable("transferOrderId"));
        Instant next =
                resolving.chased(id, deadline, note == null ? null : note.toString(), chaseAgainAfter, actor.userId());
        task.getExecution().getProcessInstance().setVariable("overdueAt", Date.from(next));
    }

    static Instant parse(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        String s = value.toString().strip();
        try {
            if (s.length() > 40) {
                throw new DateTimeParseException("too long", s, 0);
            }
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(s).toInstant();
            }
            if (s.length() == 10) {
                return java.time.LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw DomainException.unprocessable(
                    "INVALID_DEADLINE",
                    "A deadline is an ISO date or date-time (2026-12-05T14:00, UTC unless an offset is given).",
                    Map.of("value", s.length() > 40 ? s.substring(0, 40) : s));
        }
    }
}
