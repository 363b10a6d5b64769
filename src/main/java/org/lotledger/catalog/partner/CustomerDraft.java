package org.lotledger.catalog.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.lotledger.catalog.Address;

/**
 * A customer as a client writes it. {@code shipTo}, {@code gln} and {@code recallContact} are optional (a PUT
 * without them clears them); a GLN is 13 digits with a valid GS1 check digit and names one customer only.
 */
public record CustomerDraft(
        @NotBlank @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String code,

        @NotBlank @Size(max = 200) String name,
        @NotNull CustomerType customerType,
        @Min(0) Integer minRemainingShelfLifeDays,
        @Valid Address shipTo,
        @Size(max = 13) @Pattern(regexp = "[0-9]{13}") String gln,
        @Valid RecallContact recallContact) {

    /** A customer without ship-to address, GLN or recall contact (as before issue 9). */
    public CustomerDraft(String code, String name, CustomerType customerType, Integer minRemainingShelfLifeDays) {
        this(code, name, customerType, minRemainingShelfLifeDays, null, null, null);
    }
}
