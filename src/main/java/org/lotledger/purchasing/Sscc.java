package org.lotledger.purchasing;

import java.util.Map;
import org.lotledger.catalog.item.Gtin;
import org.lotledger.common.DomainException;

/**
 * A GS1 Serial Shipping Container Code (AI 00): 18 digits, the last a GS1 mod-10 check digit computed exactly as
 * for a GTIN, so the catalog's {@link Gtin#checkDigit} is the one algorithm. Pure, no framework.
 */
public record Sscc(String value) {

    public Sscc {
        if (value == null || !value.matches("[0-9]{18}")) {
            throw invalid(value, "an SSCC has 18 digits");
        }
        int expected = Gtin.checkDigit(value.substring(0, 17));
        if (expected != value.charAt(17) - '0') {
            throw invalid(value, "the check digit should be " + expected);
        }
    }

    /** Spaces are ignored (SSCCs are often printed in groups); a leading "(00)" or "00" AI prefix is not accepted. */
    public static Sscc parse(String text) {
        return new Sscc(text == null ? null : text.replace(" ", "").trim());
    }

    private static DomainException invalid(String text, String why) {
        return DomainException.unprocessable(
                "INVALID_SSCC", "'" + text + "' is not a valid SSCC: " + why, Map.of("sscc", String.valueOf(text)));
    }
}
