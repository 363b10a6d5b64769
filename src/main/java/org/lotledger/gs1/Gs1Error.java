package org.lotledger.gs1;

import java.util.Objects;

/**
 * One thing wrong with a GS1 element string.
 *
 * @param code     stable code clients branch on
 * @param position 0-based index of the offending character in the input as given (symbology identifier included);
 *                 for relation errors (missing or excluded AIs) the position of the element that states the rule
 * @param ai       the Application Identifier concerned, or {@code null} when none is (e.g. empty input)
 * @param message  a sentence a receiving clerk can act on
 */
public record Gs1Error(Gs1ErrorCode code, int position, String ai, String message) {

    public Gs1Error {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return code + (ai == null ? "" : " (" + ai + ")") + " at " + position + ": " + message;
    }
}
