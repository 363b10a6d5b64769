package org.lotledger.catalog.lot;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A PATCH of a lot: only the fields given change, and a reason is always required. Item, supplier, unit cost and
 * currency are listed only so that an attempt to change them is refused loudly instead of ignored.
 */
public record LotAttributeChange(
        @NotBlank @Size(max = 500) String reason,
        @Size(max = 60) String lotNumber,
        @Size(max = 60) String manufacturerBatchRef,
        LocalDate manufacturedOn,
        LocalDate expiresOn,
        LocalDate bestBeforeOn,
        LocalDate firstReceivedOn,
        Long itemId,
        Long supplierId,
        BigDecimal unitCost,
        String currency) {}
