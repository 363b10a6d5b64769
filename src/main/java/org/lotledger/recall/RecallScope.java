package org.lotledger.recall;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotledger.catalog.LotSelector;
import org.lotledger.common.DomainException;

/**
 * What a trace, recall or mock recall is about, as a request names it: a lot, a manufacturer batch reference, or
 * an item with a manufactured (or received) date range. Exactly one form; anything else is 400
 * {@code SCOPE_INVALID} with the offending fields.
 */
public record RecallScope(
        Long lotId,
        String batchRef,
        Long itemId,
        LocalDate manufacturedFrom,
        LocalDate manufacturedTo,
        LocalDate receivedFrom,
        LocalDate receivedTo) {

    /** Longest batch reference a lot can carry ({@code lot.manufacturer_batch_ref}). */
    public static final int BATCH_REF_MAX = 60;

    /** The widest date range a scope may span: a decade, so a typo in a year cannot trace the whole history. */
    public static final int MAX_RANGE_DAYS = 3660;

    /**
     * The scope as the {@code recall} and {@code mock_recall_run} tables keep it: lot, batch reference (stripped),
     * item, which dates an item scope ranges over (MANUFACTURED or RECEIVED) and their bounds.
     */
    public record Stored(Long lotId, String batchRef, Long itemId, String dates, LocalDate from, LocalDate to) {}

    public Stored stored() {
        boolean manufactured = manufacturedFrom != null;
        boolean received = receivedFrom != null;
        return new Stored(
                lotId,
                batchRef == null ? null : batchRef.strip(),
                itemId,
                itemId == null ? null : manufactured ? "MANUFACTURED" : received ? "RECEIVED" : null,
                manufactured ? manufacturedFrom : receivedFrom,
                manufactured ? manufacturedTo : receivedTo);
    }

    public static RecallScope ofLot(long lotId) {
        return new RecallScope(lotId, null, null, null, null, null, null);
    }

    public static RecallScope ofBatch(String batchRef) {
        return new RecallScope(null, batchRef, null, null, null, null, null);
    }

    /** The selector the catalog resolves, after checking the scope names exactly one form and sensible bounds. */
    public LotSelector selector() {
        Map<String, Object> wrong = new LinkedHashMap<>();
        boolean manufactured = manufacturedFrom != null || manufacturedTo != null;
        boolean received = receivedFrom != null || receivedTo != null;
        int forms = (lotId != null ? 1 : 0) + (batchRef != null ? 1 : 0) + (itemId != null ? 1 : 0);
        if (forms != 1) {
            throw invalid("Name exactly one of lot, batchRef or item", Map.of("forms", forms));
        }
        if (lotId != null) {
            if (lotId <= 0) {
                wrong.put("lot", "must be a positive id");
            }
            if (manufactured || received) {
                wrong.put("dates", "date ranges go with item, not lot");
            }
        }
        if (batchRef != null) {
            String ref = batchRef.strip();
            if (ref.isEmpty() || ref.length() > BATCH_REF_MAX) {
                wrong.put("batchRef", "1 to " + BATCH_REF_MAX + " characters");
            } else if (ref.chars().anyMatch(Character::isISOControl)) {
                wrong.put("batchRef", "no control characters");
            }
            if (manufactured || received) {
                wrong.put("dates", "date ranges go with item, not batchRef");
            }
        }
        if (itemId != null) {
            if (itemId <= 0) {
                wrong.put("item", "must be a positive id");
            }
            if (manufactured == received) {
                wrong.put("dates", "give manufacturedFrom/To or receivedFrom/To (one pair) with item");
            } else {
                LocalDate from = manufactured ? manufacturedFrom : receivedFrom;
                LocalDate to = manufactured ? manufacturedTo : receivedTo;
                if (from != null && to != null && from.isAfter(to)) {
                    wrong.put("dates", "from is after to");
                } else if (from == null || to == null) {
                    wrong.put("dates", "give both ends of the range");
                } else if (from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
                    wrong.put("dates", "a range spans at most " + MAX_RANGE_DAYS + " days");
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw invalid("The scope is not valid", wrong);
        }
        if (lotId != null) {
            return new LotSelector.OneLot(lotId);
        }
        if (batchRef != null) {
            return new LotSelector.BatchRef(batchRef.strip());
        }
        return manufactured
                ? new LotSelector.ItemDates(itemId, manufacturedFrom, manufacturedTo, false)
                : new LotSelector.ItemDates(itemId, receivedFrom, receivedTo, true);
    }

    private static DomainException invalid(String message, Map<String, ?> details) {
        return new DomainException("SCOPE_INVALID", DomainException.Kind.BAD_REQUEST, message, details);
    }
}
