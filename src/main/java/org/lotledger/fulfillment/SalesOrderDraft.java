package org.lotledger.fulfillment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A new sales order as the ERP sends it. Shape is checked here (400); the business rules (customer, warehouse and
 * item known and active, unit convertible, quantity positive, ship date in its window, …) in {@link SalesOrdering}
 * and {@link SalesOrderPolicy} (404/409/422).
 *
 * @param source      who numbers the order ("ERP"); the order number is unique per source
 * @param customerCode the customer's catalog code
 * @param warehouseCode the ship-from warehouse's code
 */
public record SalesOrderDraft(
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String source,

        @NotBlank @Size(max = 40) String orderNumber,
        @NotBlank @Size(max = 30) String customerCode,
        @NotBlank @Size(max = 20) String warehouseCode,
        @NotNull LocalDate requestedShipDate,
        @Size(max = 500) String note,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines) {

    /**
     * One line: the item by {@code sku} or by {@code gtin} (exactly one of them), the quantity in {@code uom} (one
     * of the item's units; with a GTIN it may be left out and is then the GTIN's packaging level), the price per
     * that unit, an optional minimum remaining shelf life in days at shipment for this line (the effective minimum
     * is the largest of item, customer and line) and an optional requested lot (its lot number or internal label).
     */
    @Schema(name = "SalesOrderLineDraft")
    public record Line(
            @Size(max = 40) String sku,
            @Size(max = 14) @Pattern(regexp = "[0-9]{8,14}") String gtin,

            @NotNull @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4)
            BigDecimal quantity,

            @Size(max = 10) String uom,

            @NotNull @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4)
            BigDecimal unitPrice,

            @NotBlank @Pattern(regexp = "[A-Za-z]{3}") String currency,
            @Min(0) @Max(3650) Integer minRemainingShelfLifeDays,
            @Size(max = 60) String requestedLot) {}
}
