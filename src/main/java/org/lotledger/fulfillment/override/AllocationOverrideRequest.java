package org.lotledger.fulfillment.override;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * An override asked for: take {@code proposedLot} (its id, internal label or lot number) at {@code proposedLocation}
 * (its code or barcode) instead of what reservation {@code reservationId} holds, for a catalog reason code allowed
 * for ALLOCATION_OVERRIDE.
 */
@Schema(name = "AllocationOverrideRequest")
public record AllocationOverrideRequest(
        @NotNull @Positive Long reservationId,

        @NotBlank @Size(max = 60) @Pattern(regexp = "[^\\p{Cntrl}]+")
        String proposedLot,

        @NotBlank @Size(max = 60) @Pattern(regexp = "[^\\p{Cntrl}]+")
        String proposedLocation,

        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String reasonCode,

        @Size(max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*") String note) {}
