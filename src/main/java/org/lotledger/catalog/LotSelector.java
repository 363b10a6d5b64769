package org.lotledger.catalog;

import java.time.LocalDate;

/**
 * Which lots a trace or a recall is about: one lot, every lot of a manufacturer's batch reference, or an item's
 * lots manufactured (or first received) within a date range. Exactly one of the three forms; the recall feature
 * validates the request and builds one of these ({@code org.lotledger.recall.RecallScope}).
 */
public sealed interface LotSelector {

    /** One lot by id. */
    record OneLot(long lotId) implements LotSelector {}

    /** Every lot whose manufacturer batch reference equals this one, ignoring case and surrounding blanks. */
    record BatchRef(String batchRef) implements LotSelector {}

    /**
     * An item's lots with {@code manufactured_on} (or, when {@code byReceipt}, {@code first_received_on}) between
     * {@code from} and {@code to}, both inclusive; either end may be open (null) but not both.
     */
    record ItemDates(long itemId, LocalDate from, LocalDate to, boolean byReceipt) implements LotSelector {}
}
