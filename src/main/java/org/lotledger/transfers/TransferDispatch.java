package org.lotledger.transfers;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What the origin's worker scans to send a transfer off: the staging location's barcode, the label of every staged
 * lot (a GS1 element string with GTIN and AI 10, or the lot's internal label {@code LL…}), and for CHILLED and FROZEN
 * transfers the id of the cold-chain logger that travels with the stock.
 */
@Schema(name = "TransferDispatch")
public record TransferDispatch(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[\\x21-\\x7e]+")
        String stagingLocation,

        @NotEmpty @Size(max = 200) List<@NotNull @NotBlank @Size(max = 500) String> lotLabels,

        @Size(max = 60) @Pattern(regexp = "[\\x21-\\x7e]+") String coldChainLogger) {}
