package org.lotledger.fulfillment;

import java.math.BigDecimal;

/** A requested line once every rule accepted it: what {@link SalesOrderLine} is made of. */
record CheckedSalesOrderLine(
        long itemId,
        BigDecimal quantity,
        String uom,
        long baseQuantity,
        BigDecimal unitPrice,
        String currency,
        Integer minRemainingShelfLifeDays,
        Long requestedLotId) {}
