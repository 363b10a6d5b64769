package org.lotledger.catalog;

import java.util.Map;
import org.lotledger.common.DomainException;
import org.lotledger.gs1.Gs1CheckDigits;

/**
 * A GS1 Global Location Number: 13 digits, the last a mod-10 check digit over the others (GS1 General
 * Specifications 3.4.2). It names a party or a place on documents (ship-from, ship-to) and in EPCIS events.
 */
public record Gln(String value) {

    public Gln {
        if (value == null || !value.matches("[0-9]{13}") || !Gs1CheckDigits.hasValidMod10(value)) {
            throw invalid(value);
        }
    }

    /** The GLN in {@code text} (spaces ignored), null for null or blank; 422 {@code INVALID_GLN} otherwise. */
    public static String parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.replace(" ", "");
        if (!digits.matches("[0-9]{13}")) {
            throw invalid(text);
        }
        return new Gln(digits).value();
    }

    private static DomainException invalid(String text) {
        String why = text != null && text.matches("[0-9]{13}")
                ? "the check digit should be " + Gs1CheckDigits.mod10(text.substring(0, 12))
                : "a GLN has 13 digits";
        return DomainException.unprocessable(
                "INVALID_GLN", "'" + text + "' is not a valid GLN: " + why, Map.of("gln", String.valueOf(text)));
    }
}
