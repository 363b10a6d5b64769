package org.lotledger.catalog.lot;

import java.time.LocalDate;

/**
 * A lot made from another by a change of label (ADR 0015): its own lot number; item, supplier, unit cost and currency
 * are the parent's. Dates and the manufacturer's batch reference default to the parent's; expiry and best-before may
 * be given earlier than the parent's, never later.
 */
public record ChildLotDraft(
        String lotNumber,
        String manufacturerBatchRef,
        LocalDate manufacturedOn,
        LocalDate expiresOn,
        LocalDate bestBeforeOn) {}
