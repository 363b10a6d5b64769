package org.lotledger.transfers;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * One scan at the destination (issue 10 §3): a lot label (a GS1 element string with GTIN and AI 10, or the lot's
 * internal label {@code LL…}), the quantity in {@code uom} (the item's base unit when left out; without a quantity the
 * label's AI 30 or AI 37 count of the GTIN's packaging level), the barcode of the location it is put in, its condition,
 * and for a CHILLED or FROZEN transfer the cold-chain logger's reading. Shape is checked here (400), the rest by
 * {@link ReceivingTransfers} (403/404/409/422).
 */
@Schema(name = "TransferReceiptScan")
public record TransferReceiptScan(
        @NotBlank @Size(max = 500) String lotLabel,

        @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4)
        BigDecimal quantity,

        @Size(max = 10) @Pattern(regexp = "[A-Za-z0-9_-]+") String uom,

        @NotBlank @Size(max = 60) @Pattern(regexp = "[\\x21-\\x7e]+")
        String location,

        @NotNull Condition condition,
        @Valid ColdChainReading coldChain) {

    /** GOOD lands AVAILABLE (HOLD under an open hold); DAMAGED lands in QUARANTINE at a quarantine location. */
    public enum Condition {
        GOOD,
        DAMAGED
    }

    /**
     * The cold-chain logger's reading for the journey: whether it stayed in range (the logger's own judgement; out of
     * range is a TEMPERATURE_EXCURSION and the stock lands in QUARANTINE) and the extremes it recorded, in °C.
     */
    @Schema(name = "TransferColdChainReading")
    public record ColdChainReading(
            @NotNull Boolean inRange,

            @DecimalMin("-100") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal minCelsius,

            @DecimalMin("-100") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal maxCelsius) {}
}
