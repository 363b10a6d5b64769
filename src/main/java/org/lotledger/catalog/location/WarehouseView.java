package org.lotledger.catalog.location;

import java.time.Instant;
import org.lotledger.catalog.Address;

public record WarehouseView(
        Long id,
        String code,
        String name,
        String timeZone,
        java.time.LocalDate goLiveOn,
        Address address,
        String gln,
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
                w.getAddress(),
                w.getGln(),
                w.isActive(),
                w.getVersion(),
                w.getCreatedAt(),
                w.getUpdatedAt());
    }
}
