package org.lotledger.catalog.lot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

public record LotView(
        Long id,
        Long itemId,
        Long supplierId,
        String lotNumber,
        String internalLabel,
        String manufacturerBatchRef,
        LocalDate manufacturedOn,
        LocalDate expiresOn,
        LocalDate bestBeforeOn,
        LocalDate firstReceivedOn,
        BigDecimal unitCost,
        String currency,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static LotView of(Lot l) {
        return new LotView(
                l.getId(),
                l.getItemId(),
                l.getSupplierId(),
                l.getLotNumber(),
                l.getInternalLabel(),
                l.getManufacturerBatchRef(),
                l.getManufacturedOn(),
                l.getExpiresOn(),
                l.getBestBeforeOn(),
                l.getFirstReceivedOn(),
                l.getUnitCost(),
                l.getCurrency(),
                l.getVersion(),
                l.getCreatedAt(),
                l.getUpdatedAt());
    }
}
