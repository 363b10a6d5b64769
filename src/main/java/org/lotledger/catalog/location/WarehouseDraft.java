package org.lotledger.catalog.location;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a client sends to create or update a warehouse; the code cannot change once created. */
public record WarehouseDraft(
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]+") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) String timeZone) {
}
