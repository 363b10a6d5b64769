package org.lotledger.transfers;

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
import java.time.LocalDate;
import java.util.List;

/**
 * A new transfer order. Shape is checked here (400); the business rules (warehouses known, active and different,
 * items known and active, units convertible, quantities positive, ship date in its window, one temperature class) in
 * {@link OrderingTransfers} and {@link TransferPolicy} (404/422).
 *
 * @param fromWarehouseCode the origin's code: where the stock is allocated, picked and dispatched
 * @param toWarehouseCode   the destination's code
 * @param shipDate          when the origin is to dispatch it
 * @param reason            why the stock moves (rebalancing, a clinic's campaign, …), kept on the order
 */
public record TransferOrderDraft(
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String fromWarehouseCode,

        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String toWarehouseCode,

        @NotNull LocalDate shipDate,
        @NotBlank @Size(max = 500) String reason,
        @Size(max = 500) String note,
        @NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines) {

    /**
     * One line: the item by {@code sku} or by {@code gtin} (exactly one), the quantity in {@code uom} (one of the
     * item's units; with a GTIN it may be left out and is then the GTIN's packaging level), an optional lot (its lot
     * number or internal label).
     */
    @Schema(name = "TransferOrderLineDraft")
    public record Line(
            @Size(max = 40) String sku,
            @Size(max = 14) @Pattern(regexp = "[0-9]{8,14}") String gtin,

            @NotNull @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4)
            BigDecimal quantity,

            @Size(max = 10) String uom,
            @Size(max = 60) String lot) {}
}
