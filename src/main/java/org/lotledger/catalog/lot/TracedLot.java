package org.lotledger.catalog.lot;

import java.time.LocalDate;
import java.util.List;

/**
 * What the recall trace shows of a lot: its identity, its item and supplier, and the lots it descends from (nearest
 * first). Read in one statement for all lots of a trace ({@link LotGenealogy#traced}).
 *
 * @param ancestors the lots this one descends from (itself excluded), by distance, then id
 */
public record TracedLot(
        long id,
        String lotNumber,
        String internalLabel,
        String manufacturerBatchRef,
        LocalDate manufacturedOn,
        LocalDate expiresOn,
        long itemId,
        String itemSku,
        String itemName,
        String baseUom,
        Long supplierId,
        String supplierCode,
        String supplierName,
        List<Ancestor> ancestors) {

    /** A lot the traced lot descends from, {@code depth} lineage edges up. */
    public record Ancestor(long lotId, String lotNumber, String internalLabel, int depth) {}
}
