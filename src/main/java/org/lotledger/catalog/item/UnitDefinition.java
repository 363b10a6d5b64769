package org.lotledger.catalog.item;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** "one {@code uom} holds {@code quantity} {@code of}", e.g. {uom: BOX, quantity: 10, of: EA}. */
public record UnitDefinition(@NotBlank String uom, @NotNull @Positive BigDecimal quantity, @NotBlank String of) {
}
