package org.lotledger.ledger;

import java.util.Map;
import java.util.TreeSet;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.StockFacts.Earlier;

/**
 * The gate's checks of a posting request as a whole, before its movements: the idempotency key, a repeated key,
 * the actor's right to post the type, and that it moves something. Pure functions; {@link Ledger#post} runs them in
 * this order (the reason code, checked against the catalog, comes after the role, and the {@code occurredAt} limits
 * of {@link LedgerLimits} before the emptiness check).
 */
final class RequestChecks {

    /** The longest idempotency key a posting keeps. */
    static final int MAX_KEY_LENGTH = 200;

    private RequestChecks() {}

    static void idempotencyKey(PostingRequest r) {
        if (r.idempotencyKey() == null || r.idempotencyKey().isBlank()) {
            throw new DomainException(
                    "IDEMPOTENCY_KEY_REQUIRED",
                    DomainException.Kind.BAD_REQUEST,
                    "Every request that posts carries an idempotency key.");
        }
        if (r.idempotencyKey().length() > MAX_KEY_LENGTH) {
            throw new DomainException(
                    "IDEMPOTENCY_KEY_INVALID",
                    DomainException.Kind.BAD_REQUEST,
                    "An idempotency key has at most " + MAX_KEY_LENGTH + " characters.");
        }
    }

    /**
     * A key seen before: the same request again is answered with the original posting (its id is returned), another
     * request under the same key is refused.
     *
     * @return the original posting's id, or null when the key is new
     */
    static Long replayOf(String key, String fingerprint, Earlier earlier) {
        if (earlier == null) {
            return null;
        }
        if (!fingerprint.equals(earlier.fingerprint())) {
            throw new DomainException(
                    "IDEMPOTENCY_KEY_REUSED",
                    DomainException.Kind.CONFLICT,
                    "Idempotency key '" + key + "' was already used for a different request (posting "
                            + earlier.postingId() + ").",
                    Map.of("postingId", earlier.postingId()));
        }
        return earlier.postingId();
    }

    static void role(PostingRequest r) {
        PostingType type = r.type();
        if (!r.actor().isInAny(type.groups())) {
            throw new DomainException(
                    "POSTING_TYPE_NOT_ALLOWED",
                    DomainException.Kind.FORBIDDEN,
                    "User " + r.actor().userId() + " may not post " + type + " (allowed to: "
                            + new TreeSet<>(type.groups()) + ").",
                    Map.of("postingType", type.name()));
        }
    }

    static void movesSomething(PostingRequest r) {
        if (r.movements().isEmpty()) {
            throw DomainException.unprocessable("EMPTY_POSTING", "A posting moves at least one quantity.", Map.of());
        }
    }
}
