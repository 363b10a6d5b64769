package org.lotledger.platform.web;

import java.util.Map;
import java.util.Objects;
import org.lotledger.common.DomainException;
import org.springframework.modulith.NamedInterface;

/**
 * The {@code Idempotency-Key} a caller sent with a write, scoped to that caller (ADR 0009): two scanners that pick
 * the same key never collide, and one caller reusing a key for another request gets 409. Controllers take it as a
 * parameter (resolved by {@link IdempotentWrites}) and pass {@link #scoped()} to services that derive posting keys.
 *
 * @param caller the authenticated user id
 * @param value  the header as sent: 1 to {@value #MAX_LENGTH} visible ASCII characters
 */
@NamedInterface("web")
public record IdempotencyKey(String caller, String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 100;

    public IdempotencyKey {
        Objects.requireNonNull(caller, "caller");
        check(value);
    }

    /** Unique across callers: what services use to derive the keys of the postings this request makes. */
    public String scoped() {
        return caller + ":" + value;
    }

    /** The rules for a key as sent; a missing or malformed key is a 400 with its own code. */
    static void check(String value) {
        if (value == null || value.isEmpty()) {
            throw new DomainException(
                    "IDEMPOTENCY_KEY_REQUIRED",
                    DomainException.Kind.BAD_REQUEST,
                    "Every write request carries an Idempotency-Key header (a value the client chooses per request, "
                            + "e.g. a UUID, and sends again unchanged when it retries).");
        }
        if (value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new DomainException(
                    "IDEMPOTENCY_KEY_INVALID",
                    DomainException.Kind.BAD_REQUEST,
                    "An Idempotency-Key has 1 to " + MAX_LENGTH + " visible ASCII characters (no spaces).",
                    Map.of("maxLength", MAX_LENGTH));
        }
    }
}
