package org.lotledger.catalog;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lotledger.common.DomainException;

/**
 * A postal address as a packing list, a GS1 document or a recall letter needs it: up to two lines, city, postal
 * code, region (state, province) and the ISO 3166-1 alpha-2 country code. Customers have one as their ship-to
 * address, warehouses as where they are; each is given as a whole or not at all.
 */
@Embeddable
public record Address(
        @NotBlank @Size(max = 100) String line1,
        @Size(max = 100) String line2,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]*") String postalCode,
        @Size(max = 60) String region,
        @NotBlank @Pattern(regexp = "[A-Za-z]{2}") String country) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * The address as stored: trimmed, blank optional parts as null, the country upper case and one of ISO 3166-1's
     * codes (else 422 {@code INVALID_COUNTRY_CODE}). Null stays null.
     */
    public static Address normalised(Address a) {
        if (a == null) {
            return null;
        }
        String country = a.country() == null ? "" : a.country().trim().toUpperCase(Locale.ROOT);
        if (!ISO_COUNTRIES.contains(country)) {
            throw DomainException.unprocessable(
                    "INVALID_COUNTRY_CODE",
                    "'" + a.country() + "' is not an ISO 3166-1 alpha-2 country code",
                    Map.of("country", String.valueOf(a.country())));
        }
        return new Address(
                a.line1().trim(),
                blankToNull(a.line2()),
                a.city().trim(),
                blankToNull(a.postalCode()),
                blankToNull(a.region()),
                country);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
