package org.lotledger.ledger;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.platform.security.Groups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Corrects a posting by posting its inverse, which references the original; nothing is ever updated or deleted.
 * A posting is reversed at most once (the database enforces it), a reversal is not reversed (post the right
 * transaction again instead), and receiving supervisors may reverse only what receiving posted.
 */
@Service
public class ReversingPostings {

    private static final Set<PostingType> RECEIVING_SUPERVISOR_MAY_REVERSE =
            EnumSet.of(PostingType.RECEIPT, PostingType.PUTAWAY, PostingType.RETURN, PostingType.TRANSFER_IN);

    private final Ledger ledger;
    private final PostingExecutor executor;
    private final JdbcTemplate jdbc;

    public ReversingPostings(Ledger ledger, PostingExecutor executor, JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.executor = executor;
        this.jdbc = jdbc;
    }

    public Posting reverse(long postingId, String reasonCode, String note, Actor actor, String idempotencyKey) {
        return executor.inTransaction(() -> {
            Posting original = ledger.load(postingId);
            if (original.type() == PostingType.REVERSAL) {
                throw DomainException.conflict(
                        "CANNOT_REVERSE_REVERSAL",
                        "Posting " + postingId + " is itself a reversal; post the correct transaction instead.",
                        Map.of("postingId", postingId));
            }
            if (!actor.isIn(Groups.INVENTORY_CONTROL) && !RECEIVING_SUPERVISOR_MAY_REVERSE.contains(original.type())) {
                throw new DomainException(
                        "POSTING_TYPE_NOT_ALLOWED",
                        DomainException.Kind.FORBIDDEN,
                        "Only inventory control reverses a " + original.type() + " posting.",
                        Map.of("postingId", postingId));
            }
            List<Long> existing = jdbc.queryForList(
                    "select id from posting where reverses_posting_id = ? and idempotency_key <> ?",
                    Long.class,
                    postingId,
                    idempotencyKey == null ? "" : idempotencyKey);
            if (!existing.isEmpty()) {
                throw DomainException.conflict(
                        "ALREADY_REVERSED",
                        "Posting " + postingId + " was already reversed by posting " + existing.get(0) + ".",
                        Map.of("postingId", postingId, "reversedBy", existing.get(0)));
            }
            return ledger.post(PostingRequest.of(PostingType.REVERSAL, actor, idempotencyKey)
                    .movements(inverseOf(original))
                    .reverses(postingId)
                    .reason(reasonCode)
                    .note(note)
                    .reference("POSTING", Long.toString(postingId))
                    .build());
        });
    }

    /** Every posting is written as (source, target) leg pairs; the inverse swaps each pair. */
    static List<Movement> inverseOf(Posting original) {
        List<Posting.Leg> legs = original.legs();
        List<Movement> inverse = new ArrayList<>(legs.size() / 2);
        for (int i = 0; i + 1 < legs.size(); i += 2) {
            Posting.Leg from = legs.get(i);
            Posting.Leg to = legs.get(i + 1);
            if (from.quantity().signum() >= 0
                    || from.lotId() != to.lotId()
                    || from.quantity().negate().compareTo(to.quantity()) != 0) {
                throw new IllegalStateException("posting " + original.id() + " is not written as leg pairs");
            }
            inverse.add(new Movement(
                            from.lotId(),
                            from.locationId(),
                            from.status(),
                            to.locationId(),
                            to.status(),
                            to.quantity().longValueExact())
                    .reversed());
        }
        return inverse;
    }
}
