package org.lotledger.catalog.partner;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Whom a recall notice for a customer goes to: a person or a function (e.g. "Pharmacy recall coordinator"), an
 * email address the notice is sent to, and a phone number for the urgent classes. Given as a whole or not at all.
 */
@Embeddable
public record RecallContact(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()./-]*") String phone) {

    /** Trimmed, a blank phone as null; null stays null. */
    public static RecallContact normalised(RecallContact c) {
        if (c == null) {
            return null;
        }
        return new RecallContact(
                c.name().trim(),
                c.email().trim(),
                c.phone() == null || c.phone().isBlank() ? null : c.phone().trim());
    }
}
