package org.lotledger.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lotledger.common.DomainException;

/**
 * The quantity arithmetic of a reviewer's decision on a hold: what the proposal makes of what the hold holds now, or
 * why it is refused. Plain Java: the facts come in (the hold's state and, per lot and location, what it answers for
 * and is still HOLD there), the decision or a {@link DomainException} goes out; {@link HoldDecisions} gathers the
 * facts under the locks, checks the scrap reason against the catalog and records the result.
 *
 * <p>A proposal gives either totals (the form: release, scrap and return quantities, allocated over the held lots
 * and locations in the hold's order, scrap first, then return, then release) or explicit parts per lot and location
 * (the API). What a decision leaves out stays on hold.
 */
public final class HoldDecisionPolicy {

    /** The reviewer's answer, as submitted. Quantities are whole base units; null totals mean "all of it". */
    public record Proposal(
            String outcome,
            Long releaseQuantity,
            Long scrapQuantity,
            Long returnQuantity,
            List<HoldDecision.Part> parts,
            String reasonCode,
            String note,
            String requestKey) {}

    /** The hold as it is now; {@code held} in the hold's order, only lots and locations with something still held. */
    public record Facts(long holdId, HoldState state, List<HoldView.Remaining> held) {}

    /** What the proposal decides: the outcome and the parts per lot and location. */
    public record Decided(HoldDecision.Outcome outcome, List<HoldDecision.Part> parts) {

        /** A decision that scraps anything needs a scrap reason code. */
        public boolean scraps() {
            return parts.stream().anyMatch(x -> x.disposition() == HoldDecision.Disposition.SCRAP);
        }
    }

    private HoldDecisionPolicy() {}

    /**
     * @throws DomainException HOLD_NOT_OPEN, NOTHING_ON_HOLD, HOLD_DECISION_INVALID, INVALID_QUANTITY,
     *                         QUANTITY_EXCEEDS_HOLD
     */
    public static Decided decide(Facts facts, Proposal p) {
        long holdId = facts.holdId();
        if (facts.state() != HoldState.OPEN) {
            throw DomainException.conflict(
                    "HOLD_NOT_OPEN",
                    "Hold " + holdId + " is " + facts.state() + "; there is nothing left to decide.",
                    Map.of("holdId", holdId, "state", facts.state().name()));
        }
        HoldDecision.Outcome outcome = outcome(p.outcome());
        List<HoldView.Remaining> held = facts.held();
        if (held.isEmpty() && outcome != HoldDecision.Outcome.RELEASE) {
            // a release of a hold that holds nothing (any more) still ends it, and with it its coverage
            throw DomainException.unprocessable(
                    "NOTHING_ON_HOLD",
                    "Hold " + holdId + " holds no stock any more; " + "release it to end it.",
                    Map.of("holdId", holdId));
        }
        List<HoldDecision.Part> parts = p.parts() == null || p.parts().isEmpty()
                ? allocate(holdId, outcome, p, held)
                : checkParts(holdId, outcome, p.parts(), held);
        return new Decided(outcome, parts);
    }

    private static HoldDecision.Outcome outcome(String s) {
        try {
            return HoldDecision.Outcome.valueOf(s == null ? "" : s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("Choose an outcome: release, scrap, return to vendor or split (got '" + s + "').");
        }
    }

    /** Totals (or "all of it") spread over the held lots and locations: scrap first, then return, then release. */
    private static List<HoldDecision.Part> allocate(
            long holdId, HoldDecision.Outcome outcome, Proposal p, List<HoldView.Remaining> held) {
        long total = held.stream().mapToLong(HoldView.Remaining::quantity).sum();
        long scrap = 0;
        long rtv = 0;
        long release = 0;
        switch (outcome) {
            case RELEASE -> release = total;
            case SCRAP -> scrap = orAll(p.scrapQuantity(), total, "scrap");
            case RETURN_TO_VENDOR -> rtv = orAll(p.returnQuantity(), total, "return");
            case SPLIT -> {
                scrap = nonNegative(p.scrapQuantity(), "scrap");
                rtv = nonNegative(p.returnQuantity(), "return");
                release = nonNegative(p.releaseQuantity(), "release");
                int used = (scrap > 0 ? 1 : 0) + (rtv > 0 ? 1 : 0) + (release > 0 ? 1 : 0);
                if (used < 2) {
                    throw invalid("A split divides the held stock among at least two of release, scrap and return to "
                            + "vendor; give each part's quantity.");
                }
            }
        }
        if (scrap + rtv + release > total) {
            throw DomainException.unprocessable(
                    "QUANTITY_EXCEEDS_HOLD",
                    "Hold " + holdId + " holds " + total + " in all; the decision divides " + (scrap + rtv + release)
                            + ".",
                    Map.of("holdId", holdId, "onHold", total, "requested", scrap + rtv + release));
        }
        List<HoldDecision.Part> parts = new ArrayList<>();
        long[] left = held.stream().mapToLong(HoldView.Remaining::quantity).toArray();
        take(parts, held, left, scrap, HoldDecision.Disposition.SCRAP);
        take(parts, held, left, rtv, HoldDecision.Disposition.RETURN_TO_VENDOR);
        take(parts, held, left, release, HoldDecision.Disposition.RELEASE);
        return parts;
    }

    private static void take(
            List<HoldDecision.Part> parts,
            List<HoldView.Remaining> held,
            long[] left,
            long wanted,
            HoldDecision.Disposition d) {
        for (int i = 0; i < held.size() && wanted > 0; i++) {
            long q = Math.min(left[i], wanted);
            if (q > 0) {
                parts.add(new HoldDecision.Part(held.get(i).lotId(), held.get(i).locationId(), q, d));
                left[i] -= q;
                wanted -= q;
            }
        }
    }

    /** Explicit parts: positive, of the outcome's disposition, each lot and location within what is held there. */
    private static List<HoldDecision.Part> checkParts(
            long holdId, HoldDecision.Outcome outcome, List<HoldDecision.Part> parts, List<HoldView.Remaining> held) {
        Map<String, Long> asked = new LinkedHashMap<>();
        for (HoldDecision.Part part : parts) {
            requirePositive(part.quantity());
            if (part.disposition() == null
                    || (outcome != HoldDecision.Outcome.SPLIT
                            && !part.disposition().name().equals(outcome.name()))) {
                throw invalid("Each part of a " + outcome + " decision is " + outcome
                        + (outcome == HoldDecision.Outcome.SPLIT ? " into RELEASE, SCRAP or RETURN_TO_VENDOR" : "")
                        + "; got " + part.disposition() + ".");
            }
            asked.merge(part.lotId() + "@" + part.locationId(), part.quantity(), Long::sum);
        }
        requireWithinHold(holdId, held, asked, "holds");
        if (outcome == HoldDecision.Outcome.RELEASE
                && parts.stream().mapToLong(HoldDecision.Part::quantity).sum()
                        < held.stream().mapToLong(HoldView.Remaining::quantity).sum()) {
            throw invalid("A release releases everything the hold holds; to release part of it, split.");
        }
        return List.copyOf(parts);
    }

    private static long orAll(Long q, long total, String what) {
        if (q == null) {
            return total;
        }
        if (q <= 0) {
            throw invalid("The " + what + " quantity must be positive; got " + q + ".");
        }
        return q;
    }

    private static long nonNegative(Long q, String what) {
        if (q == null) {
            return 0;
        }
        if (q < 0) {
            throw invalid("The " + what + " quantity cannot be negative; got " + q + ".");
        }
        return q;
    }

    /** A quantity of a decision or an outcome line: whole, positive base units. */
    static void requirePositive(long quantity) {
        if (quantity <= 0) {
            throw DomainException.unprocessable(
                    "INVALID_QUANTITY",
                    "Quantities are whole, positive numbers of the item's base unit; got " + quantity + ".",
                    Map.of("quantity", quantity));
        }
    }

    /**
     * What is asked per lot and location ({@code "<lot>@<location>"} → quantity) is no more than the hold has there.
     *
     * @param verb how the message says what the hold has ("holds", "answers for")
     */
    static void requireWithinHold(long holdId, List<HoldView.Remaining> held, Map<String, Long> asked, String verb) {
        for (var e : asked.entrySet()) {
            long have = held.stream()
                    .filter(r -> (r.lotId() + "@" + r.locationId()).equals(e.getKey()))
                    .mapToLong(HoldView.Remaining::quantity)
                    .sum();
            if (e.getValue() > have) {
                String[] lotAt = e.getKey().split("@");
                throw DomainException.unprocessable(
                        "QUANTITY_EXCEEDS_HOLD",
                        "Hold " + holdId + " " + verb + " " + have + " of lot " + lotAt[0] + " at location " + lotAt[1]
                                + ", not " + e.getValue() + ".",
                        Map.of(
                                "holdId",
                                holdId,
                                "lotId",
                                Long.parseLong(lotAt[0]),
                                "locationId",
                                Long.parseLong(lotAt[1]),
                                "onHold",
                                have,
                                "requested",
                                e.getValue()));
            }
        }
    }

    static DomainException invalid(String message) {
        return DomainException.unprocessable("HOLD_DECISION_INVALID", message, Map.of());
    }
}
