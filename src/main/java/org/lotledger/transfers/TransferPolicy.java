package org.lotledger.transfers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lotledger.catalog.item.TemperatureClass;
import org.lotledger.common.DomainException;

/**
 * The checks of a transfer order that need no database: plain Java with an injected clock, table-tested
 * ({@code TransferPolicyTest}). The services look the facts up and ask.
 *
 * <ul>
 *   <li>two different warehouses ({@code SAME_WAREHOUSE});
 *   <li>the ship date not before the origin's yesterday and at most {@value #MAX_DAYS_AHEAD} days ahead, in the
 *       origin's time zone ({@code SHIP_DATE_OUT_OF_RANGE}; yesterday for the same reason as a sales order's
 *       requested ship date);
 *   <li>one temperature class per order ({@code TEMPERATURE_CLASS_MIXED}): a transfer travels in one truck compartment
 *       with one cold-chain logger, and its documents and receipt checks name one class;
 *   <li>a cold-chain logger for CHILLED and FROZEN at dispatch ({@code COLD_CHAIN_LOGGER_REQUIRED}).
 * </ul>
 */
public final class TransferPolicy {

    public static final int MAX_DAYS_BEHIND = 1;
    public static final int MAX_DAYS_AHEAD = 365;

    private final Clock clock;

    public TransferPolicy(Clock clock) {
        this.clock = clock;
    }

    public static void checkWarehouses(String fromCode, String toCode) {
        if (fromCode.trim().equalsIgnoreCase(toCode.trim())) {
            throw DomainException.unprocessable(
                    "SAME_WAREHOUSE",
                    "A transfer goes from one warehouse to another, not from " + fromCode + " to itself.",
                    Map.of("warehouseCode", fromCode.trim().toUpperCase()));
        }
    }

    public void checkShipDate(LocalDate shipDate, ZoneId originZone) {
        LocalDate today = LocalDate.now(clock.withZone(originZone));
        LocalDate earliest = today.minusDays(MAX_DAYS_BEHIND);
        LocalDate latest = today.plusDays(MAX_DAYS_AHEAD);
        if (shipDate.isBefore(earliest) || shipDate.isAfter(latest)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("shipDate", shipDate.toString());
            details.put("earliest", earliest.toString());
            details.put("latest", latest.toString());
            throw DomainException.unprocessable(
                    "SHIP_DATE_OUT_OF_RANGE",
                    "The ship date " + shipDate + " is not between " + earliest + " and " + latest
                            + " (the origin's yesterday and " + MAX_DAYS_AHEAD + " days ahead)",
                    details);
        }
    }

    /**
     * The one temperature class of the lines (an item without one travels AMBIENT).
     *
     * @param byLine the class of each line's item, by line number
     */
    public static TemperatureClass singleTemperatureClass(Map<Integer, TemperatureClass> byLine) {
        Map<String, List<Integer>> lines = new TreeMap<>();
        byLine.forEach((line, c) -> lines.computeIfAbsent(
                        (c == null ? TemperatureClass.AMBIENT : c).name(), k -> new java.util.ArrayList<>())
                .add(line));
        if (lines.size() != 1) {
            throw DomainException.unprocessable(
                    "TEMPERATURE_CLASS_MIXED",
                    "A transfer order travels in one temperature class; its lines are " + lines.keySet()
                            + ": order each class separately.",
                    Map.of("linesByTemperatureClass", lines));
        }
        return TemperatureClass.valueOf(lines.keySet().iterator().next());
    }

    public static void requireColdChainLogger(TemperatureClass temperatureClass, String loggerId) {
        if (temperatureClass != TemperatureClass.AMBIENT && (loggerId == null || loggerId.isBlank())) {
            throw DomainException.unprocessable(
                    "COLD_CHAIN_LOGGER_REQUIRED",
                    "A " + temperatureClass + " transfer leaves only with a cold-chain logger: scan the logger's id.",
                    Map.of("temperatureClass", temperatureClass.name()));
        }
    }
}
