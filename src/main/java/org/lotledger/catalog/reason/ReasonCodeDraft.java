package org.lotledger.catalog.reason;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

public record ReasonCodeDraft(
        @NotBlank @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9_]+")
        String code,

        @NotBlank @Size(max = 200) String description,
        @NotEmpty Set<PostingTypeName> postingTypes,
        boolean requiresApproval) {}
