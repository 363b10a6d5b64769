package org.lotledger.fulfillment.picking;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.springframework.modulith.NamedInterface;

/**
 * What the picker scanned and counted for one pick line.
 *
 * @param locationBarcode        the location the stock is taken from, as scanned
 * @param lotLabel               the lot label: a GS1 element string (GTIN and AI 10, optionally 17 and 30/37) or the
 *                               internal label ({@code LL…})
 * @param quantity               what was taken, in {@code uom}; may be left out when the label carries a count (AI 30
 *                               or 37); 0 only with a short pick
 * @param uom                    the unit; left out: the GTIN's packaging level, else the item's base unit
 * @param stagingLocationBarcode where the stock is put down: a SHIPPING-zone location of the task's warehouse
 * @param shortPick              less (or nothing) was found than reserved: the rest is voided
 * @param reasonCode             a SHORT_PICK reason code of the catalog (NOT_FOUND when a short pick names none)
 */
@Schema(name = "PickConfirmation")
@NamedInterface("picking")
public record PickConfirmation(
        @NotBlank @Size(max = 100) String locationBarcode,
        @NotBlank @Size(max = 500) String lotLabel,

        @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4)
        BigDecimal quantity,

        @Size(max = 10) String uom,
        @NotBlank @Size(max = 100) String stagingLocationBarcode,
        Boolean shortPick,
        @Size(max = 40) String reasonCode) {}
