package org.lotledger.gs1;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.lotledger.common.DomainException;

/**
 * What a person entered at a scanning station: a GS1 element string, typed fields, or both. A typed field given
 * next to a scan must agree with what the barcode says ({@code SCAN_MISMATCH}, 422, naming the field, the scanned
 * and the typed value); either one alone is taken as it is. Typed text is stripped, and blank text counts as not
 * typed. Each accessor checks one field, so a caller asks for them in the order it checks its own rules.
 */
public final class ScannedOrTyped {

    /** The longest scan kept for the record (a receipt line stores what was scanned). */
    public static final int KEPT_SCAN_LENGTH = 500;

    private String scanned;
    private String gtin;
    private String lot;
    private LocalDate expiry;
    private LocalDate bestBefore;
    private LocalDate produced;
    private String sscc;
    private Integer count;

    private ScannedOrTyped() {}

    /**
     * Reads {@code scan} (null or blank: nothing was scanned).
     *
     * @throws Gs1ParseException INVALID_GS1_BARCODE (422) when the scan is not a valid GS1 element string
     */
    public static ScannedOrTyped read(String scan, Clock clock) {
        ScannedOrTyped in = new ScannedOrTyped();
        if (scan != null && !scan.isBlank()) {
            Gs1Message m = new Gs1Parser(clock).parse(scan).orElseThrow();
            in.scanned = scan.length() > KEPT_SCAN_LENGTH ? scan.substring(0, KEPT_SCAN_LENGTH) : scan;
            in.gtin = m.gtin().or(m::contentGtin).orElse(null);
            in.lot = m.lot().orElse(null);
            in.expiry = m.expiry().orElse(null);
            in.bestBefore = m.bestBefore().orElse(null);
            in.produced = m.productionDate().orElse(null);
            in.sscc = m.sscc().orElse(null);
            if (m.count().isPresent()) {
                in.count = m.count().getAsInt();
            } else if (m.variableCount().isPresent()) {
                in.count = m.variableCount().getAsInt();
            }
        }
        return in;
    }

    /** The scan as kept for the record (at most {@value #KEPT_SCAN_LENGTH} characters), or null. */
    public String scanned() {
        return scanned;
    }

    /** The GTIN (AI 01, else the content GTIN AI 02) or the typed one. */
    public String gtin(String typed) {
        return agree("gtin", gtin, blankToNull(typed));
    }

    /**
     * The count (AI 37, else AI 30) or the typed quantity.
     *
     * @throws DomainException QUANTITY_REQUIRED (400) when there is neither
     */
    public BigDecimal quantity(BigDecimal typed) {
        BigDecimal scannedCount = count == null ? null : BigDecimal.valueOf(count);
        if (typed != null && scannedCount != null && typed.compareTo(scannedCount) != 0) {
            throw mismatch("quantity", scannedCount.toPlainString(), typed.toPlainString());
        }
        BigDecimal q = typed != null ? typed : scannedCount;
        if (q == null) {
            throw new DomainException(
                    "QUANTITY_REQUIRED",
                    DomainException.Kind.BAD_REQUEST,
                    "A quantity is required when the barcode carries no count (AI 30 or 37)");
        }
        return q;
    }

    /** Whether the barcode carried a lot (AI 10): a lot field, as opposed to a typed label. */
    public boolean lotScanned() {
        return lot != null;
    }

    /** The lot (AI 10) or the typed lot text. */
    public String lot(String typed) {
        return agree("lotNumber", lot, blankToNull(typed));
    }

    /** The best-before date (AI 15) or the typed one (field {@code bestBeforeOn}). */
    public LocalDate bestBefore(LocalDate typed) {
        return date(typed, bestBefore, "bestBeforeOn");
    }

    /** The expiry date (AI 17) or the typed one (field {@code expiresOn}). */
    public LocalDate expiry(LocalDate typed) {
        return date(typed, expiry, "expiresOn");
    }

    /** The production date (AI 11) or the typed manufacturing date (field {@code manufacturedOn}). */
    public LocalDate produced(LocalDate typed) {
        return date(typed, produced, "manufacturedOn");
    }

    /** The SSCC (AI 00) or the typed text, as it is: validating it is the caller's. */
    public String sscc(String typed) {
        return agree("sscc", sscc, blankToNull(typed));
    }

    private static LocalDate date(LocalDate typed, LocalDate fromScan, String field) {
        if (typed != null && fromScan != null && !typed.equals(fromScan)) {
            throw mismatch(field, fromScan.toString(), typed.toString());
        }
        return typed != null ? typed : fromScan;
    }

    private static String agree(String field, String fromScan, String typed) {
        if (fromScan != null && typed != null && !fromScan.equals(typed)) {
            throw mismatch(field, fromScan, typed);
        }
        return fromScan != null ? fromScan : typed;
    }

    private static DomainException mismatch(String field, String scanned, String typed) {
        return DomainException.unprocessable(
                "SCAN_MISMATCH",
                "The scanned " + field + " (" + scanned + ") differs from the typed one (" + typed + ")",
                Map.of("field", field, "scanned", scanned, "typed", typed));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
