package org.lotledger.catalog.item;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record ItemView(
        Long id,
        String sku,
        String name,
        String baseUom,
        boolean lotControlled,
        boolean expiryRequired,
        boolean bestBeforeAsExpiry,
        Integer shelfLifeDays,
        int minRemainingShelfLifeDays,
        int minRemainingShelfLifeAtShipmentDays,
        int fefoWindowDays,
        boolean wholeCasesFromStorage,
        AllocationMethod allocationMethod,
        TemperatureClass temperatureClass,
        String itemFamily,
        String riskClass,
        BigDecimal standardUnitCost,
        String currency,
        List<Unit> units,
        List<GtinAssignment> gtins,
        boolean stockFieldsFrozen,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** a unit of measure as whole base units */
    public record Unit(String uom, int baseUnits) {}

    public static ItemView of(Item i, List<ItemUom> units, List<ItemGtin> gtins, boolean frozen) {
        return new ItemView(
                i.getId(),
                i.getSku(),
                i.getName(),
                i.getBaseUom(),
                i.isLotControlled(),
                i.isExpiryRequired(),
                i.isBestBeforeAsExpiry(),
                i.getShelfLifeDays(),
                i.getMinRemainingShelfLifeDays(),
                i.getMinRemainingShelfLifeAtShipmentDays(),
                i.getFefoWindowDays(),
                i.isWholeCasesFromStorage(),
                i.getAllocationMethod(),
                i.getTemperatureClass(),
                i.getItemFamily(),
                i.getRiskClass(),
                i.getStandardUnitCost(),
                i.getCurrency(),
                units.stream()
                        .map(u -> new Unit(u.getUom(), u.getBaseUnitsPerUom()))
                        .toList(),
                gtins.stream()
                        .map(g -> new GtinAssignment(g.getGtin(), g.getUom()))
                        .toList(),
                frozen,
                i.isActive(),
                i.getVersion(),
                i.getCreatedAt(),
                i.getUpdatedAt());
    }
}
