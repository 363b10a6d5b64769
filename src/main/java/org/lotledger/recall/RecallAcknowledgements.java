package org.lotledger.recall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.PostingExecutor;
import org.lotledger.platform.security.Groups;
import org.springframework.stereotype.Service;

/**
 * A customer's answer to a recall notice (issue 11 §3), per lot: when they answered, how much of the lot is still
 * with them, how much they destroyed there, and whether they are sending it back. Recorded by quality, quality
 * managers or the integration user (an ERP relaying the customer's reply); the latest answer per customer and lot
 * counts. "Destroyed at the customer" is a recall record, not a posting: the units stay at the customer's location in
 * the ledger and the reconciliation shows them as destroyed there.
 *
 * <p>Refused, nothing stored: a recall still placing its holds (409 {@code RECALL_HOLDS_NOT_PLACED}), under
 * reconciliation ({@code RECALL_RECONCILING}), closed or withdrawn ({@code RECALL_NOT_OPEN}); a customer or lot not on
 * the recall's notice list (422 {@code CUSTOMER_NOT_ON_NOTICE_LIST}); a customer with several lots in the recall who
 * names none ({@code LOT_REQUIRED}); an answer dated before the recall or in the future
 * ({@code ACKNOWLEDGEMENT_TIME_INVALID}); returned + destroyed + still at the customer above what was shipped
 * ({@code RECALL_QUANTITY_EXCEEDS_SHIPPED}).
 */
@Service
public class RecallAcknowledgements {

    public static final long QUANTITY_MAX = 1_000_000_000L;
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public record Request(
            Long customerId,
            Long lotId,
            Instant acknowledgedAt,
            Long quantityAtCustomer,
            Long quantityDestroyed,
            Boolean returning) {}

    public record Acknowledged(
            long id,
            long recallId,
            String recallNumber,
            long customerId,
            String customerCode,
            long lotId,
            String internalLabel,
            Instant acknowledgedAt,
            long quantityAtCustomer,
            long quantityDestroyed,
            boolean returning,
            long shipped,
            long returned,
            long unaccounted,
            String recordedBy) {}

    private static final Set<String> ALLOWED = Set.of(Groups.QUALITY, Groups.QUALITY_MANAGERS, Groups.INTEGRATION);

    private final Recalls recalls;
    private final RecallNotices notices;
    private final RecallFollowUpRows rows;
    private final PostingExecutor executor;
    private final Clock clock;

    RecallAcknowledgements(
            Recalls recalls, RecallNotices notices, RecallFollowUpRows rows, PostingExecutor executor, Clock clock) {
        this.recalls = recalls;
        this.notices = notices;
        this.rows = rows;
        this.executor = executor;
        this.clock = clock;
    }

    public Acknowledged record(long recallId, Request r, Actor actor, String key) {
        if (!actor.isInAny(ALLOWED)) {
            throw new DomainException(
                    "RECALL_NOT_ALLOWED",
                    DomainException.Kind.FORBIDDEN,
                    "Only quality, quality managers or the integration record a customer's acknowledgement; "
                            + actor.userId() + " may not.",
                    Map.of("allowed", List.copyOf(ALLOWED)));
        }
        validate(r);
        return executor.inTransaction(() -> {
            Recalls.Row recall = recalls.lock(recallId);
            requireAccepting(recall);
            Instant at = r.acknowledgedAt();
            if (at.isAfter(clock.instant().plus(CLOCK_SKEW)) || at.isBefore(recall.startedAt())) {
                throw DomainException.unprocessable(
                        "ACKNOWLEDGEMENT_TIME_INVALID",
                        "An acknowledgement of recall " + recall.number() + " is dated between its start ("
                                + recall.startedAt() + ") and now.",
                        Map.of(
                                "acknowledgedAt",
                                at.toString(),
                                "startedAt",
                                recall.startedAt().toString()));
            }
            RecallNotices.NoticeList list = notices.of(recallId);
            Long lotId = r.lotId();
            if (lotId == null) {
                List<RecallNotices.Notice> ofCustomer = list.notices().stream()
                        .filter(n -> n.customerId() == r.customerId())
                        .toList();
                if (ofCustomer.size() > 1) {
                    throw DomainException.unprocessable(
                            "LOT_REQUIRED",
                            "Customer " + ofCustomer.get(0).customerCode() + " received " + ofCustomer.size()
                                    + " lots of recall " + recall.number() + "; name the lot (lotId) answered for.",
                            Map.of(
                                    "lots",
                                    ofCustomer.stream()
                                            .map(RecallNotices.Notice::lotId)
                                            .toList()));
                }
                lotId = ofCustomer.isEmpty() ? -1L : ofCustomer.get(0).lotId();
            }
            RecallNotices.Notice n = notice(list, recall, r.customerId(), lotId);
            long accounted = n.returned() + r.quantityDestroyed() + r.quantityAtCustomer();
            if (accounted > n.shipped()) {
                throw DomainException.unprocessable(
                        "RECALL_QUANTITY_EXCEEDS_SHIPPED",
                        n.customerCode() + " was shipped " + n.shipped() + " of lot " + n.internalLabel()
                                + "; returned " + n.returned() + " + destroyed there " + r.quantityDestroyed()
                                + " + still there " + r.quantityAtCustomer() + " is more.",
                        Map.of(
                                "recall",
                                recall.number(),
                                "customer",
                                n.customerCode(),
                                "lot",
                                n.internalLabel(),
                                "shipped",
                                n.shipped(),
                                "returned",
                                n.returned(),
                                "destroyed",
                                r.quantityDestroyed(),
                                "atCustomer",
                                r.quantityAtCustomer()));
            }
            long id = rows.insertAcknowledgement(
                    recallId,
                    r.customerId(),
                    n.lotId(),
                    at,
                    r.quantityAtCustomer(),
                    r.quantityDestroyed(),
                    r.returning(),
                    key,
                    actor.userId());
            return new Acknowledged(
                    id,
                    recallId,
                    recall.number(),
                    n.customerId(),
                    n.customerCode(),
                    n.lotId(),
                    n.internalLabel(),
                    at,
                    r.quantityAtCustomer(),
                    r.quantityDestroyed(),
                    r.returning(),
                    n.shipped(),
                    n.returned(),
                    n.shipped() - n.returned() - r.quantityDestroyed(),
                    actor.userId());
        });
    }

    /** Acknowledgements and returns are taken while the recall's holds stand and before it is reconciled. */
    static void requireAccepting(Recalls.Row recall) {
        switch (recall.status()) {
            case HOLDS_PLACED -> {}
            case OPEN ->
                throw DomainException.conflict(
                        "RECALL_HOLDS_NOT_PLACED",
                        "Recall " + recall.number() + " is still placing its holds; its notice list is not final yet.",
                        Map.of("recall", recall.number()));
            case RECONCILING ->
                throw DomainException.conflict(
                        "RECALL_RECONCILING",
                        "Recall " + recall.number() + " is reconciled and awaits the closure's approval; refuse the"
                                + " closure to record more.",
                        Map.of("recall", recall.number()));
            default ->
                throw DomainException.conflict(
                        "RECALL_NOT_OPEN",
                        "Recall " + recall.number() + " is " + recall.status() + ".",
                        Map.of(
                                "recall",
                                recall.number(),
                                "status",
                                recall.status().name()));
        }
    }

    static RecallNotices.Notice notice(RecallNotices.NoticeList list, Recalls.Row recall, long customerId, long lotId) {
        return list.notices().stream()
                .filter(n -> n.customerId() == customerId && n.lotId() == lotId)
                .findFirst()
                .orElseThrow(() -> DomainException.unprocessable(
                        "CUSTOMER_NOT_ON_NOTICE_LIST",
                        "Customer " + customerId + " received nothing of lot " + lotId + " of recall " + recall.number()
                                + ": it is not on the notice list.",
                        Map.of("recall", recall.number(), "customerId", customerId, "lotId", lotId)));
    }

    private static void validate(Request r) {
        String code = "RECALL_ACKNOWLEDGEMENT_INVALID";
        if (r.customerId() == null || r.customerId() <= 0) {
            throw invalid(code, "customerId", "a customer id");
        }
        if (r.lotId() != null && r.lotId() <= 0) {
            throw invalid(code, "lotId", "a lot id");
        }
        if (r.acknowledgedAt() == null) {
            throw invalid(code, "acknowledgedAt", "when the customer answered (ISO 8601 instant)");
        }
        quantity(code, "quantityAtCustomer", r.quantityAtCustomer());
        quantity(code, "quantityDestroyed", r.quantityDestroyed());
        if (r.returning() == null) {
            throw invalid(code, "returning", "true or false");
        }
    }

    private static void quantity(String code, String field, Long q) {
        if (q == null || q < 0 || q > QUANTITY_MAX) {
            throw invalid(code, field, "0 to " + QUANTITY_MAX + " whole base units");
        }
    }

    /** A text field: required or not, at most {@code max} characters, no control characters but GS (a GS1 FNC1). */
    static void text(String code, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw invalid(code, field, "required");
            }
            return;
        }
        if (value.strip().length() > max) {
            throw invalid(code, field, "at most " + max + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != 0x1D)) {
            throw invalid(code, field, "no control characters");
        }
    }

    static DomainException invalid(String code, String field, String rule) {
        return new DomainException(
                code,
                DomainException.Kind.BAD_REQUEST,
                "The request is not valid: " + field + " (" + rule + ").",
                Map.of(field, rule));
    }
}
