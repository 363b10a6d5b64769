package org.lotledger.quality;

import java.util.List;

/**
 * What a QA reviewer decided on a hold ("Review hold", or the API on the reviewer's behalf), as recorded in the
 * decision record {@code APPROVE_<outcome>}: which quantities of which lot at which location are released, scrapped
 * or returned to the vendor. What a decision leaves out stays on hold and comes back for review.
 */
public record HoldDecision(
        long recordId,
        long holdId,
        Outcome outcome,
        List<Part> parts,
        String reasonCode,
        String note,
        String decidedBy) {

    /** The outcome the reviewer chose; SPLIT divides the held stock among the other three by quantity. */
    public enum Outcome {
        RELEASE,
        SCRAP,
        RETURN_TO_VENDOR,
        SPLIT
    }

    /** What happens to one part of the held stock. */
    public enum Disposition {
        RELEASE,
        SCRAP,
        RETURN_TO_VENDOR
    }

    public record Part(long lotId, long locationId, long quantity, Disposition disposition) {}

    public static String recordName(Outcome outcome) {
        return "APPROVE_" + outcome.name();
    }

    public List<Part> partsOf(Disposition d) {
        return parts.stream().filter(p -> p.disposition() == d).toList();
    }

    public long quantityOf(Disposition d) {
        return partsOf(d).stream().mapToLong(Part::quantity).sum();
    }
}
