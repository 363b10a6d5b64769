package org.lotledger.quality.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lotledger.common.DomainException;

/**
 * What an inspector decided for the quantity under inspection, checked before anything is posted: the parts add up,
 * the decision matches them, a rejection has a reason, and stock is accepted only when every check the inspection
 * level asks for passed. Errors are worded for the inspector, who reads them in Tasklist.
 */
public record InspectionResult(String decision, long accepted, long rejected, long destroyedSamples, String reason) {

    public static InspectionResult check(
            String level, long underInspection, long sampleSize, String temperatureClass, Map<String, Object> answers) {
        String decision = text(answers.get("decision"));
        long accepted = whole(answers.get("acceptedQuantity"), "Accepted quantity");
        long rejected = whole(answers.get("rejectedQuantity"), "Rejected quantity");
        long destroyed = whole(answers.get("destroyedSamples"), "Sample units destroyed");
        String reason = text(answers.get("decisionReason"));
        List<String> problems = new ArrayList<>();
        if (accepted < 0 || rejected < 0 || destroyed < 0) {
            problems.add("Quantities cannot be negative.");
        }
        if (!List.of("ACCEPT", "REJECT", "PARTIAL").contains(decision)) {
            problems.add("Choose a decision: accept, reject, or accept part and reject part.");
        }
        if (accepted + rejected + destroyed != underInspection) {
            problems.add("Accepted (" + accepted + ") + rejected (" + rejected + ") + destroyed samples (" + destroyed
                    + ") must equal the " + underInspection + " units under inspection.");
        }
        if ("ACCEPT".equals(decision) && (rejected > 0 || accepted == 0)) {
            problems.add("An accepted lot has nothing rejected; choose 'Accept part, reject part' instead.");
        }
        if ("REJECT".equals(decision) && accepted > 0) {
            problems.add("A rejected lot has nothing accepted; choose 'Accept part, reject part' instead.");
        }
        if ("PARTIAL".equals(decision) && (accepted == 0 || rejected == 0)) {
            problems.add("Accepting part means some units accepted and some rejected.");
        }
        if (rejected > 0 && reason.isBlank()) {
            problems.add("Give the reason for rejecting.");
        }
        if ("SAMPLE".equals(level) && destroyed > sampleSize) {
            problems.add("At most " + sampleSize + " sample units are destroyed at this inspection level.");
        }
        if (accepted > 0) {
            if (!Boolean.TRUE.equals(answers.get("labelsLegible"))) {
                problems.add("Labels must be legible and match the lot before stock is accepted.");
            }
            if (!"AMBIENT".equals(temperatureClass) && !Boolean.TRUE.equals(answers.get("coldChainInRange"))) {
                problems.add("The cold-chain temperature record must be in range before " + temperatureClass
                        + " stock is accepted.");
            }
            if (("SAMPLE".equals(level) || "FULL".equals(level))
                    && (!Boolean.TRUE.equals(answers.get("certificateOfAnalysisOk"))
                            || !"PASS".equals(text(answers.get("sampleResult"))))) {
                problems.add("A " + level + " inspection accepts stock only with a matching certificate of analysis"
                        + " and a passed sample.");
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.unprocessable(
                    "INSPECTION_RESULT_INVALID", String.join(" ", problems), Map.of("problems", problems));
        }
        return new InspectionResult(decision, accepted, rejected, destroyed, reason);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString().trim();
    }

    private static long whole(Object o, String label) {
        if (o == null || o.toString().isBlank()) {
            return 0;
        }
        try {
            return new java.math.BigDecimal(o.toString()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw DomainException.unprocessable(
                    "INSPECTION_RESULT_INVALID", label + " must be a whole number of units; got " + o + ".", Map.of());
        }
    }
}
