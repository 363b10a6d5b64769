package org.lotledger.catalog.partner;

import java.time.Instant;

public record SupplierView(
        Long id,
        String code,
        String name,
        ApprovalStatus approvalStatus,
        String lotLabelPattern,
        String lotLabelExample,
        Long locationId,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static SupplierView of(Supplier s, Long locationId) {
        return new SupplierView(
                s.getId(),
                s.getCode(),
                s.getName(),
                s.getApprovalStatus(),
                s.getLotLabelPattern(),
                s.getLotLabelExample(),
                locationId,
                s.isActive(),
                s.getVersion(),
                s.getCreatedAt(),
                s.getUpdatedAt());
    }
}
