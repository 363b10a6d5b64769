package org.lotledger.catalog.location;

import java.time.Instant;

public record WarehouseView(
        Long id,
        String code,
        String name,
        String timeZone,
        java.time.LocalDate goLiveOn,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static WarehouseView of(Warehouse w) {
        return new WarehouseView(
                w.getId(),
                w.getCode(),
                w.getName(),
                w.getTimeZone(),
                w.getGoLiveOn(),
                w.isActive(),
                w.getVersion(),
                w.getCreatedAt(),
                w.getUpdatedAt());
    }
}
