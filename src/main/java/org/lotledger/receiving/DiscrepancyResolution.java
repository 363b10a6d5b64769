package org.lotledger.receiving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lotledger.common.DomainException;

/**
 * What a receiving supervisor decided about a receipt's differences from its ASN ("Resolve receipt discrepancy"),
 * checked before it is recorded: the engine does not validate Camunda Forms submissions, so a bad one is refused
 * with a message the supervisor reads in Tasklist.
 */
public record DiscrepancyResolution(Outcome outcome, String note) {

    public enum Outcome {
        /** the receipt stands as received; nothing more is expected from the supplier */
        ACCEPT_AS_RECEIVED,
        /** a claim (credit note, price or quantity dispute) is raised with the supplier */
        CLAIM_WITH_SUPPLIER,
        /** the supplier sends what did not arrive; only when something is missing */
        SUPPLIER_TO_SEND_MISSING
    }

    /**
     * @param missingCount how many of the receipt's differences are stock that did not arrive (NOT_ARRIVED, or a
     *                     QUANTITY difference below the announced quantity)
     */
    public static DiscrepancyResolution check(Object decision, Object note, long missingCount) {
        String d = text(decision);
        String n = text(note);
        List<String> problems = new ArrayList<>();
        Outcome outcome = null;
        try {
            outcome = d.isEmpty() ? null : Outcome.valueOf(d);
        } catch (IllegalArgumentException e) {
            // reported below, in words
        }
        if (outcome == null) {
            problems.add("Choose a resolution: accept as received, claim with the supplier, or supplier sends the "
                    + "missing lots.");
        }
        if (outcome == Outcome.SUPPLIER_TO_SEND_MISSING && missingCount == 0) {
            problems.add("Nothing is missing from this receipt (no lot short or not arrived): accept it as received "
                    + "or claim with the supplier.");
        }
        if (n.length() < 5) {
            problems.add("Write a note of at least 5 characters: what was agreed, and with whom.");
        }
        if (n.length() > 2000) {
            problems.add("Keep the note under 2000 characters.");
        }
        if (!problems.isEmpty()) {
            throw DomainException.unprocessable(
                    "RECEIPT_DISCREPANCY_RESOLUTION_INVALID", String.join(" ", problems), Map.of("problems", problems));
        }
        return new DiscrepancyResolution(outcome, n);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString().strip();
    }
}
