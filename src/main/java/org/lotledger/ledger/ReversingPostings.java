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
 * transaction again instead), and receiving supervisors may reverse only what receiving posted. A posting written as
 * one leg pair may instead be reversed in part ({@link #reversePart}): its one reversal then takes back that quantity
 * only, and the rest of it stands for good (ADR 0013, "partial wrong lot").
 */
@Service
public class ReversingPostings {

    private static final Set<PostingType> RECEIVING_SUPERVISOR_MAY_REVERSE =
            EnumSet.of(PostingType.RECEIPT, PostingType.PUTAWAY, PostingType.RETURN, PostingType.TRANSFER_IN);

    private final Ledger ledger;
    private final PostingExecutor executor;
    private final JdbcTemplate jdbc;
    private final LedgerQueries queries;

    public ReversingPostings(Ledger ledger, PostingExecutor executor, JdbcTemplate jdbc, LedgerQueries queries) {
        this.ledger = ledger;
        this.executor = executor;
        this.jdbc = jdbc;
        this.queries = queries;
    }

    public Posting reverse(long postingId, String reasonCode, String note, Actor actor, String idempotencyKey) {
        return executor.inTransaction(() -> {
            Posting original = requireReversible(postingId, actor, idempotencyKey);
            return ledger.post(PostingRequest.of(PostingType.REVERSAL, actor, idempotencyKey)
                    .movements(inverseOf(original))
                    .reverses(postingId)
                    .reason(reasonCode)
                    .note(note)
                    .reference("POSTING", Long.toString(postingId))
                    .build());
        });
    }

    /**
     * Reverses {@code quantity} of a posting written as one leg pair (a transfer's TRANSFER_OUT of one lot): a
     * REVERSAL of that quantity from the pair's target back to its source, referencing the original like a whole
     * reversal (so it counts under the original's reference, {@link LedgerQueries#inTransit}). It is the posting's
     * one reversal: the rest of the posting stands. Out of an in-transit location it takes back at most what is still
     * in transit of the lot under the original's reference; the gate refuses more than the target holds anyway.
     *
     * @throws DomainException CANNOT_REVERSE_REVERSAL, ALREADY_REVERSED, NOT_ONE_LEG_PAIR, NOT_IN_TRANSIT (409);
     *                         REVERSAL_QUANTITY_OUT_OF_RANGE (422); POSTING_TYPE_NOT_ALLOWED (403)
     */
    public Posting reversePart(
            long postingId, long quantity, String reasonCode, String note, Actor actor, String idempotencyKey) {
        return executor.inTransaction(() -> {
            Posting original = requireReversible(postingId, actor, idempotencyKey);
            List<Movement> inverse = inverseOf(original);
            if (inverse.size() != 1) {
                throw DomainException.conflict(
                        "NOT_ONE_LEG_PAIR",
                        "Posting " + postingId + " moves " + inverse.size()
                                + " lots or places: only a posting of one leg pair is reversed in part.",
                        Map.of("postingId", postingId, "legPairs", inverse.size()));
            }
            Movement whole = inverse.get(0);
            if (quantity <= 0 || quantity > whole.quantity()) {
                throw DomainException.unprocessable(
                        "REVERSAL_QUANTITY_OUT_OF_RANGE",
                        "A part of posting " + postingId + " lies between 1 and " + whole.quantity() + ", not "
                                + quantity + ".",
                        Map.of("postingId", postingId, "quantity", quantity, "posted", whole.quantity()));
            }
            if (original.referenceType() != null) {
                long stillInTransit = queries
                        .inTransit(new LedgerQueries.InTransitFilter(
                                null, null, original.referenceType(), original.referenceId(), whole.lotId()))
                        .stream()
                        .filter(t -> t.locationId() == whole.fromLocationId())
                        .mapToLong(LedgerQueries.InTransit::quantity)
                        .sum();
                boolean fromTransit = "IN_TRANSIT"
                        .equals(jdbc.queryForObject(
                                "select kind from location where id = ?", String.class, whole.fromLocationId()));
                if (fromTransit && stillInTransit < quantity) {
                    throw DomainException.conflict(
                            "NOT_IN_TRANSIT",
                            "Only " + stillInTransit + " of lot " + whole.lotId() + " is still in transit under "
                                    + original.referenceType() + " " + original.referenceId() + ", not " + quantity
                                    + ".",
                            Map.of("inTransit", stillInTransit, "quantity", quantity, "postingId", postingId));
                }
            }
            return ledger.post(PostingRequest.of(PostingType.REVERSAL, actor, idempotencyKey)
                    .movement(new Movement(
                            whole.lotId(),
                            whole.fromLocationId(),
                            whole.fromStatus(),
                            whole.toLocationId(),
                            whole.toStatus(),
                            quantity))
                    .reverses(postingId)
                    .reason(reasonCode)
                    .note((note == null ? "" : note + " ") + "(" + quantity + " of " + whole.quantity() + ")")
                    .reference("POSTING", Long.toString(postingId))
                    .build());
        });
    }

    private Posting requireReversible(long postingId, Actor actor, String idempotencyKey) {
        {
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
            return original;
        }
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
