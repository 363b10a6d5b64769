package org.lotledger.receiving;

import java.util.Map;
import org.lotledger.common.DomainException;

/**
 * What a step of {@link ReceiptLinePolicy} answers: the accepted value, or the refusal.
 *
 * @param accepted null when refused
 * @param refusal  null when accepted
 */
record ReceiptLineDecision<T>(T accepted, Refusal refusal) {

    boolean refused() {
        return refusal != null;
    }

    /** The accepted value, or the refusal as the DomainException the API answers with. */
    T orElseThrow() {
        if (refusal != null) {
            throw refusal.toException();
        }
        return accepted;
    }

    /** The code, kind (HTTP status), message and problem properties of a refusal. */
    record Refusal(String code, DomainException.Kind kind, String message, Map<String, Object> properties) {

        static Refusal of(DomainException e) {
            return new Refusal(e.code(), e.kind(), e.getMessage(), e.details());
        }

        DomainException toException() {
            return new DomainException(code, kind, message, properties);
        }
    }
}
