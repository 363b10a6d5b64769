package org.lotledger.catalog.partner;

import java.time.Instant;

public record CustomerView(
        Long id,
        String code,
        String name,
        CustomerType customerType,
        int minRemainingShelfLifeDays,
        Long locationId,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static CustomerView of(Customer c, Long locationId) {
        return new CustomerView(
                c.getId(),
                c.getCode(),
                c.getName(),
                c.getCustomerType(),
                c.getMinRemainingShelfLifeDays(),
                locationId,
                c.isActive(),
                c.getVersion(),
                c.getCreatedAt(),
                c.getUpdatedAt());
    }
}
