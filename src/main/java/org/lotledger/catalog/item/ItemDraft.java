package org.lotledger.catalog.item;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * An item as a client writes it: conversions relative to each other (BOX = 10 EA, CASE = 12 BOX) and a GTIN per
 * packaging level. A PUT sends the whole item; units and GTINs not listed are removed (unless frozen).
 * {@code minRemainingShelfLifeDays} is the least shelf life left at receipt, {@code
 * minRemainingShelfLifeAtShipmentDays} the least left when a lot is allocated to an order, {@code fefoWindowDays}
 * how many days apart two expiries may be and still count as equal when FEFO allocation looks for the fewest lots;
 * all three default to 0. {@code wholeCasesFromStorage} (default false) asks allocation for whole cases from
 * storage and the remainder from the pick face (ALLOC-080).
 */
public record ItemDraft(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_.-]+")
        String sku,

        @NotBlank @Size(max = 200) String name,

        @NotBlank @Size(max = 10) @Pattern(regexp = "[A-Za-z0-9_]+")
        String baseUom,

        @NotNull Boolean lotControlled,
        @NotNull Boolean expiryRequired,
        Boolean bestBeforeAsExpiry,
        @Positive Integer shelfLifeDays,
        @Min(0) Integer minRemainingShelfLifeDays,
        @Min(0) @Max(36500) Integer minRemainingShelfLifeAtShipmentDays,
        @Min(0) @Max(365) Integer fefoWindowDays,
        Boolean wholeCasesFromStorage,
        @NotNull AllocationMethod allocationMethod,
        @NotNull TemperatureClass temperatureClass,
        @NotBlank @Size(max = 60) String itemFamily,
        @NotBlank @Size(max = 20) String riskClass,

        @NotNull @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4)
        BigDecimal standardUnitCost,

        @NotBlank @Pattern(regexp = "[A-Za-z]{3}") String currency,
        @Valid List<UnitDefinition> conversions,
        @Valid List<GtinAssignment> gtins) {}
