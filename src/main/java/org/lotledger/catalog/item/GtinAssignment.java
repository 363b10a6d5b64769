package org.lotledger.catalog.item;

import jakarta.validation.constraints.NotBlank;

/** The GTIN printed on one packaging level (unit of measure) of an item. */
public record GtinAssignment(
        @NotBlank String gtin, @NotBlank String uom) {}
