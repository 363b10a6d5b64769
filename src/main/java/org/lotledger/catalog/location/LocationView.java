package org.lotledger.catalog.location;

import java.math.BigDecimal;
import java.time.Instant;

public record LocationView(
        Long id,
        LocationKind kind,
        String code,
        String barcode,
        String name,
        Long warehouseId,
        Long zoneId,
        Long supplierId,
        Long customerId,
        Long destinationWarehouseId,
        BigDecimal capacityBaseUnits,
        boolean mayGoNegative,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static LocationView of(Location l) {
        return new LocationView(
                l.getId(),
                l.getKind(),
                l.getCode(),
                l.getBarcode(),
                l.getName(),
                l.getWarehouseId(),
                l.getZoneId(),
                l.getSupplierId(),
                l.getCustomerId(),
                l.getDestinationWarehouseId(),
                l.getCapacityBaseUnits(),
                Boolean.TRUE.equals(l.getMayGoNegative()),
                l.isActive(),
                l.getVersion(),
                l.getCreatedAt(),
                l.getUpdatedAt());
    }
}
