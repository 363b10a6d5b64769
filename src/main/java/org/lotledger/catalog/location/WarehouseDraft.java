package org.lotledger.catalog.location;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a client sends to create or update a warehouse; the code cannot change once created. {@code goLiveOn}: the
 * day it started on Lot Ledger, the earliest date a posting there may carry (audited like every change).
 */
public record WarehouseDraft(
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String code,

        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) String timeZone,
        java.time.LocalDate goLiveOn) {}
