package org.lotledger.catalog.location;

import java.time.Instant;
import java.util.Set;
import org.lotledger.catalog.item.TemperatureClass;

public record ZoneView(
        Long id,
        Long warehouseId,
        String code,
        String name,
        ZoneType zoneType,
        Set<StockStatus> allowedStatuses,
        Set<TemperatureClass> allowedTemperatureClasses,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static ZoneView of(Zone z) {
        return new ZoneView(
                z.getId(),
                z.getWarehouseId(),
                z.getCode(),
                z.getName(),
                z.getZoneType(),
                z.getAllowedStatuses(),
                z.getAllowedTemperatureClasses(),
                z.isActive(),
                z.getVersion(),
                z.getCreatedAt(),
                z.getUpdatedAt());
    }
}
