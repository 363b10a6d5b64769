package org.lotledger.purchasing;

import java.time.LocalDate;
import java.util.Map;
import org.lotledger.common.DomainException;

/**
 * A lot as the supplier announces it, checked against the item's rules with the catalog's codes for lots
 * (LOT_NUMBER_REQUIRED, EXPIRY_REQUIRED, INVALID_LOT_DATES), so an ASN line and a lot created later agree.
 * Pure, no framework. Whether the expiry is still in the future is receiving's question (it depends on the day).
 */
public record AnnouncedLot(
        String lotNumber,
        String manufacturerBatchRef,
        LocalDate manufacturedOn,
        LocalDate expiresOn,
        LocalDate bestBeforeOn) {

    /** What the item asks of its lots. */
    public record LotRules(String sku, boolean lotControlled, boolean expiryRequired, boolean bestBeforeAsExpiry) {}

    public static AnnouncedLot check(
            int line,
            LotRules item,
            String lotNumber,
            String manufacturerBatchRef,
            LocalDate manufacturedOn,
            LocalDate expiresOn,
            LocalDate bestBeforeOn) {
        String lot = blankToNull(lotNumber);
        if (lot == null && item.lotControlled()) {
            throw DomainException.unprocessable(
                    "LOT_NUMBER_REQUIRED",
                    "Line " + line + ": item " + item.sku() + " is lot-controlled: a lot number is required",
                    Map.of("line", line, "sku", item.sku()));
        }
        LocalDate expiry = expiresOn;
        if (expiry == null && item.bestBeforeAsExpiry()) {
            expiry = bestBeforeOn;
        }
        if (expiry == null && item.expiryRequired()) {
            throw DomainException.unprocessable(
                    "EXPIRY_REQUIRED",
                    "Line " + line + ": item " + item.sku() + " needs an expiry date",
                    Map.of("line", line, "sku", item.sku()));
        }
        if (manufacturedOn != null && expiry != null && !manufacturedOn.isBefore(expiry)) {
            throw DomainException.unprocessable(
                    "INVALID_LOT_DATES",
                    "Line " + line + ": the manufacturing date must be before the expiry date",
                    Map.of("line", line, "manufacturedOn", manufacturedOn.toString(), "expiresOn", expiry.toString()));
        }
        return new AnnouncedLot(lot, blankToNull(manufacturerBatchRef), manufacturedOn, expiry, bestBeforeOn);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
