package org.lotledger.catalog.item;

import java.util.Map;
import org.lotledger.common.DomainException;

/**
 * A GS1 Global Trade Item Number, always held as 14 digits: GTIN-8, -12 and -13 are left-padded with zeros,
 * which keeps their check digit valid because the GS1 weights are counted from the right.
 */
public record Gtin(String value) {

    public Gtin {
        if (value == null || !value.matches("[0-9]{14}") || !hasValidCheckDigit(value)) {
            throw invalid(value, "not 14 digits with a valid check digit");
        }
    }

    /** Accepts GTIN-8, -12, -13 or -14 (spaces ignored) and validates the mod-10 check digit. */
    public static Gtin parse(String text) {
        String digits = text == null ? "" : text.replace(" ", "").trim();
        if (!digits.matches("[0-9]+")
                || !(digits.length() == 8 || digits.length() == 12 || digits.length() == 13 || digits.length() == 14)) {
            throw invalid(text, "a GTIN has 8, 12, 13 or 14 digits");
        }
        String padded = "0".repeat(14 - digits.length()) + digits;
        if (!hasValidCheckDigit(padded)) {
            throw invalid(text, "the check digit should be " + checkDigit(padded.substring(0, 13)));
        }
        return new Gtin(padded);
    }

    /** GS1 mod-10: from the rightmost data digit leftwards, weights 3, 1, 3, 1, … */
    public static int checkDigit(String dataDigits) {
        int sum = 0;
        for (int i = 0; i < dataDigits.length(); i++) {
            int digit = dataDigits.charAt(dataDigits.length() - 1 - i) - '0';
            sum += digit * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10;
    }

    static boolean hasValidCheckDigit(String digits) {
        return checkDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }

    private static DomainException invalid(String text, String why) {
        return DomainException.unprocessable(
                "INVALID_GTIN", "'" + text + "' is not a valid GTIN: " + why, Map.of("gtin", String.valueOf(text)));
    }
}
