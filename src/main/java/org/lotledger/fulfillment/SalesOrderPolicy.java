package org.lotledger.fulfillment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotledger.common.DomainException;

/**
 * The checks of a sales order that need no database: plain Java with an injected clock, table-tested
 * ({@code SalesOrderPolicyTest}). The service looks the facts up and asks.
 *
 * <p>The requested ship date is refused before yesterday or more than {@value #MAX_DAYS_AHEAD} days ahead, both
 * counted in the ship-from warehouse's time zone: yesterday is accepted because an ERP in another time zone, or
 * one sending a batch just after midnight, still names "today" as it sees it, and an order due yesterday is late,
 * not wrong (allocation ships it as soon as it can). Earlier than that is a mistyped or replayed order.
 */
public final class SalesOrderPolicy {

    public static final int MAX_DAYS_BEHIND = 1;
    public static final int MAX_DAYS_AHEAD = 365;

    private final Clock clock;

    public SalesOrderPolicy(Clock clock) {
        this.clock = clock;
    }

    public void checkRequestedShipDate(LocalDate requested, ZoneId warehouseZone) {
        LocalDate today = LocalDate.now(clock.withZone(warehouseZone));
        LocalDate earliest = today.minusDays(MAX_DAYS_BEHIND);
        LocalDate latest = today.plusDays(MAX_DAYS_AHEAD);
        if (requested.isBefore(earliest) || requested.isAfter(latest)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("requestedShipDate", requested.toString());
            details.put("earliest", earliest.toString());
            details.put("latest", latest.toString());
            throw DomainException.unprocessable(
                    "REQUESTED_SHIP_DATE_OUT_OF_RANGE",
                    "The requested ship date " + requested + " is not between " + earliest + " and " + latest
                            + " (the warehouse's yesterday and " + MAX_DAYS_AHEAD + " days ahead)",
                    details);
        }
    }

    /** An ISO 4217 currency code, upper case. */
    public static String currency(int line, String code) {
        String c = code.trim().toUpperCase();
        try {
            Currency.getInstance(c);
            return c;
        } catch (IllegalArgumentException e) {
            throw DomainException.unprocessable(
                    "INVALID_CURRENCY",
                    "Line " + line + ": '" + code + "' is not an ISO 4217 currency",
                    Map.of("line", line, "currency", code));
        }
    }

    /** Exactly one of SKU and GTIN names the item; a unit is needed unless the GTIN gives one. */
    public static void checkItemReference(int line, String sku, String gtin, String uom) {
        boolean bySku = sku != null && !sku.isBlank();
        boolean byGtin = gtin != null && !gtin.isBlank();
        if (bySku == byGtin) {
            throw DomainException.unprocessable(
                    "ITEM_REFERENCE_REQUIRED",
                    "Line " + line + ": name the item by exactly one of sku and gtin",
                    Map.of("line", line));
        }
        if (bySku && (uom == null || uom.isBlank())) {
            throw DomainException.unprocessable(
                    "UOM_REQUIRED",
                    "Line " + line + ": a line naming the item by SKU gives the unit of its quantity",
                    Map.of("line", line));
        }
    }
}
