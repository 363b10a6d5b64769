package org.lotledger.catalog.partner;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record CustomerDraft(
        @NotBlank @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String code,

        @NotBlank @Size(max = 200) String name,
        @NotNull CustomerType customerType,
        @Min(0) Integer minRemainingShelfLifeDays) {}
