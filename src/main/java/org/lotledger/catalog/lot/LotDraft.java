package org.lotledger.catalog.lot;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A new lot; unit cost and currency default to the item's standard cost. */
public record LotDraft(
        @NotNull Long itemId,
        @NotNull Long supplierId,
        @Size(max = 60) String lotNumber,
        @Size(max = 60) String manufacturerBatchRef,
        LocalDate manufacturedOn,
        LocalDate expiresOn,
        LocalDate bestBeforeOn,
        LocalDate firstReceivedOn,

        @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4)
        BigDecimal unitCost,

        @Pattern(regexp = "[A-Za-z]{3}") String currency) {}
