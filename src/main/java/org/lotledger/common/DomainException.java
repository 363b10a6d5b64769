package org.lotledger.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business rule said no. Carries a stable, documented code (e.g. {@code INSUFFICIENT_BALANCE}) that clients
 * branch on, a message a person can read, and the facts that explain it. Mapped once to RFC 7807 in the platform.
 */
public class DomainException extends RuntimeException {

    /** What kind of "no" this is; the platform maps it to an HTTP status. */
    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        UNPROCESSABLE,
        FORBIDDEN,
        BAD_REQUEST,
        PRECONDITION_FAILED
    }

    private final String code;
    private final Kind kind;
    private final Map<String, Object> details;

    public DomainException(String code, Kind kind, String message) {
        this(code, kind, message, Map.of());
    }

    public DomainException(String code, Kind kind, String message, Map<String, ?> details) {
        super(message);
        this.code = code;
        this.kind = kind;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static DomainException notFound(String code, String message, Map<String, ?> details) {
        return new DomainException(code, Kind.NOT_FOUND, message, details);
    }

    public static DomainException unprocessable(String code, String message, Map<String, ?> details) {
        return new DomainException(code, Kind.UNPROCESSABLE, message, details);
    }

    public static DomainException conflict(String code, String message, Map<String, ?> details) {
        return new DomainException(code, Kind.CONFLICT, message, details);
    }
}
