package org.lotledger.catalog.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A supplier; the lot-label pattern is optional, but when given it needs an example it matches. */
public record SupplierDraft(
        @NotBlank @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String code,

        @NotBlank @Size(max = 200) String name,
        @NotNull ApprovalStatus approvalStatus,
        @Size(max = 200) String lotLabelPattern,
        @Size(max = 60) String lotLabelExample) {}
