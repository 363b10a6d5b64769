package org.lotledger.catalog.item;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.lotledger.common.DomainException;

/**
 * Converts a quantity in one of an item's units into whole base units, the only unit the ledger posts in.
 * Framework-free: the item's units come through {@link ItemUnits}.
 */
public final class UnitConversion {

    /** base units per unit of measure of an item, or empty when there is no such item */
    @FunctionalInterface
    public interface ItemUnits {
        Optional<Map<String, Integer>> of(long itemId);
    }

    private final ItemUnits itemUnits;

    public UnitConversion(ItemUnits itemUnits) {
        this.itemUnits = itemUnits;
    }

    /**
     * @throws DomainException INVALID_QUANTITY (422) when quantity is missing or not positive, UNKNOWN_ITEM (404),
     *                         UOM_NOT_CONVERTIBLE (422) when the item has no such unit or the result is not whole
     */
    public long toBaseUnits(long itemId, BigDecimal quantity, String uom) {
        requirePositive(quantity);
        Map<String, Integer> units = itemUnits
                .of(itemId)
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_ITEM", "Item " + itemId + " does not exist", Map.of("itemId", itemId)));
        return toBaseUnits(quantity, uom, units);
    }

    /** The pure rule: quantity × base units per uom, which must be a whole number. */
    public static long toBaseUnits(BigDecimal quantity, String uom, Map<String, Integer> baseUnitsPerUom) {
        requirePositive(quantity);
        String key = UomConversions.normalise(uom);
        Integer factor = baseUnitsPerUom.get(key);
        if (factor == null) {
            throw DomainException.unprocessable(
                    "UOM_NOT_CONVERTIBLE",
                    "The item has no unit of measure '" + uom + "'",
                    Map.of("uom", String.valueOf(uom), "knownUnits", baseUnitsPerUom.keySet()));
        }
        BigDecimal base = quantity.multiply(BigDecimal.valueOf(factor));
        if (base.stripTrailingZeros().scale() > 0) {
            throw DomainException.unprocessable(
                    "UOM_NOT_CONVERTIBLE",
                    quantity.toPlainString() + " " + key + " is not a whole number of base units ("
                            + base.toPlainString() + ")",
                    Map.of("uom", key, "quantity", quantity, "baseUnits", base));
        }
        try {
            return base.longValueExact();
        } catch (ArithmeticException e) {
            throw DomainException.unprocessable(
                    "INVALID_QUANTITY", "Quantity is too large", Map.of("quantity", quantity));
        }
    }

    private static void requirePositive(BigDecimal quantity) {
        if (quantity == null || quantity.signum() <= 0) {
            throw DomainException.unprocessable(
                    "INVALID_QUANTITY",
                    "A quantity must be greater than zero",
                    Map.of("quantity", String.valueOf(quantity)));
        }
    }
}
