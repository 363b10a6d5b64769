package org.lotledger.catalog.partner;

import java.time.Instant;
import org.lotledger.catalog.Address;

public record CustomerView(
        Long id,
        String code,
        String name,
        CustomerType customerType,
        int minRemainingShelfLifeDays,
        Address shipTo,
        String gln,
        RecallContact recallContact,
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
                c.getShipTo(),
                c.getGln(),
                c.getRecallContact(),
                locationId,
                c.isActive(),
                c.getVersion(),
                c.getCreatedAt(),
                c.getUpdatedAt());
    }
}
