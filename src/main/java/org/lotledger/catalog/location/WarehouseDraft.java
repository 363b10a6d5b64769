package org.lotledger.catalog.location;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.lotledger.catalog.Address;

/**
 * What a client sends to create or update a warehouse; the code cannot change once created. {@code goLiveOn}: the
 * day it started on Lot Ledger, the earliest date a posting there may carry (audited like every change).
 * {@code address} and {@code gln} are optional (a PUT without them clears them); a GLN is 13 digits with a valid GS1
 * check digit and names one warehouse only.
 */
public record WarehouseDraft(
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String code,

        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) String timeZone,
        java.time.LocalDate goLiveOn,
        @Valid Address address,
        @Size(max = 13) @Pattern(regexp = "[0-9]{13}") String gln) {

    /** A warehouse without address and GLN (as before issue 9). */
    public WarehouseDraft(String code, String name, String timeZone, java.time.LocalDate goLiveOn) {
        this(code, name, timeZone, goLiveOn, null, null);
    }
}
