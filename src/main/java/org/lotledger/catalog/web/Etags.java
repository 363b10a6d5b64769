package org.lotledger.catalog.web;

import java.util.Map;
import org.lotledger.common.DomainException;
import org.springframework.modulith.NamedInterface;

/** ETag = the row's optimistic version in quotes; If-Match must name the version the client read. */
@NamedInterface("web")
public final class Etags {

    private Etags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by an If-Match header; missing → 428, unreadable → 412. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String v = ifMatch.trim();
        if (v.equals("*")) {
            // RFC 9110: "*" matches any current representation, so there is nothing to compare
            return null;
        }
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "").trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw stale(ifMatch, null);
        }
    }

    /** Refuses the change when the client read another version than the current one. */
    public static void check(String ifMatch, long currentVersion) {
        Long expected = expectedVersion(ifMatch);
        if (expected != null && expected != currentVersion) {
            throw stale(ifMatch, currentVersion);
        }
    }

    /** Like {@link #check} but If-Match is optional (deactivation). */
    public static void checkIfPresent(String ifMatch, long currentVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            check(ifMatch, currentVersion);
        }
    }

    private static DomainException stale(String ifMatch, Long current) {
        return new DomainException(
                "VERSION_CONFLICT",
                DomainException.Kind.PRECONDITION_FAILED,
                "Someone else changed this record; reload it and apply your change again.",
                current == null ? Map.of("ifMatch", ifMatch) : Map.of("ifMatch", ifMatch, "currentEtag", of(current)));
    }
}
