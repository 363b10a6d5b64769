package org.lotledger.catalog.location;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A physical location (bin); virtual locations are never created through the API. Code defaults to the barcode. */
public record LocationDraft(
        @NotNull Long zoneId,
        @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,

        @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9_.-]+")
        String barcode,

        @NotBlank @Size(max = 200) String name,
        @Positive BigDecimal capacityBaseUnits) {}
