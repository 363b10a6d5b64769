package org.lotledger.catalog.reason;

import java.time.Instant;
import java.util.Set;

public record ReasonCodeView(
        Long id,
        String code,
        String description,
        Set<PostingTypeName> postingTypes,
        boolean requiresApproval,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static ReasonCodeView of(ReasonCode r) {
        return new ReasonCodeView(
                r.getId(),
                r.getCode(),
                r.getDescription(),
                r.getPostingTypes(),
                r.isRequiresApproval(),
                r.isActive(),
                r.getVersion(),
                r.getCreatedAt(),
                r.getUpdatedAt());
    }
}
