package org.lotledger.purchasing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A new purchase order as the ERP sends it. Shape is checked here (400); the business rules (supplier blocked, unit
 * convertible, price not negative, …) in {@link PurchaseOrdering} (422/409).
 */
public record PurchaseOrderDraft(
        @NotBlank @Size(max = 40) String poNumber,
        @NotNull Long supplierId,
        @NotBlank @Pattern(regexp = "[A-Za-z]{3}") String currency,
        @Size(max = 500) String note,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines) {

    /** Quantity in {@code uom}, one of the item's units; the expected price is per that unit in the PO currency. */
    @Schema(name = "PurchaseOrderLineDraft")
    public record Line(
            @NotNull Long itemId,

            @NotNull @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4)
            BigDecimal quantity,

            @NotBlank @Size(max = 10) String uom,

            @NotNull @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4)
            BigDecimal expectedUnitPrice) {}
}
