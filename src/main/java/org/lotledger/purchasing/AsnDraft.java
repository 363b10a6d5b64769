package org.lotledger.purchasing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A supplier's advance ship notice. The purchase order is named by id or by its number (what a supplier's DESADV
 * carries); when both are given they must name the same order.
 */
public record AsnDraft(
        @NotBlank @Size(max = 40) String asnNumber,
        @NotNull Long supplierId,
        Long purchaseOrderId,
        @Size(max = 40) String purchaseOrderNumber,
        LocalDate shippedOn,
        LocalDate expectedOn,
        @NotEmpty @Size(max = 1000) List<@Valid @NotNull Line> lines) {

    /**
     * One lot of one item; {@code poLineNumber} is needed only when the item is on several lines of the order.
     * {@code sscc}: the logistic unit (pallet, case) the lot travels on, 18 digits.
     */
    @Schema(name = "AsnLineDraft")
    public record Line(
            @Positive Integer poLineNumber,
            @NotNull Long itemId,
            @Size(max = 60) String lotNumber,
            @Size(max = 60) String manufacturerBatchRef,
            LocalDate manufacturedOn,
            LocalDate expiresOn,
            LocalDate bestBeforeOn,

            @NotNull @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4)
            BigDecimal quantity,

            @NotBlank @Size(max = 10) String uom,
            @Size(max = 30) String sscc) {}
}
