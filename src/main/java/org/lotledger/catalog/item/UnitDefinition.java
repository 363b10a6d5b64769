package org.lotledger.catalog.item;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** "one {@code uom} holds {@code quantity} {@code of}", e.g. {uom: BOX, quantity: 10, of: EA}. */
public record UnitDefinition(
        @NotBlank String uom,

        @NotNull @Positive @DecimalMax("1000000") @Digits(integer = 7, fraction = 6)
        BigDecimal quantity,

        @NotBlank String of) {}
