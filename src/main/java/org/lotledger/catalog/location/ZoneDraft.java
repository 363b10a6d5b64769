package org.lotledger.catalog.location;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.lotledger.catalog.item.TemperatureClass;

/** A zone: which stock statuses and temperature classes it may hold (no temperature classes given = all). */
public record ZoneDraft(
        @NotNull Long warehouseId,

        @NotBlank @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String code,

        @NotBlank @Size(max = 200) String name,
        @NotNull ZoneType zoneType,
        @NotEmpty Set<StockStatus> allowedStatuses,
        Set<TemperatureClass> allowedTemperatureClasses) {}
