package org.lotledger.catalog.item;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.common.DomainException;

/**
 * Turns unit definitions given relative to each other (BOX = 10 EA, CASE = 12 BOX) into whole multiples of the
 * base unit (BOX = 10, CASE = 120), which is all the ledger ever needs. Pure, no framework.
 */
public final class UomConversions {

    private UomConversions() {}

    /** base units per unit of measure, the base unit first with 1 */
    public static Map<String, Integer> resolve(String baseUom, List<UnitDefinition> definitions) {
        String base = normalise(baseUom);
        Map<String, UnitDefinition> byUom = new HashMap<>();
        for (UnitDefinition d : definitions == null ? List.<UnitDefinition>of() : definitions) {
            String uom = normalise(d.uom());
            if (uom.equals(base)) {
                throw invalid("The base unit " + base + " is 1 by definition and cannot be redefined", uom);
            }
            if (byUom.put(uom, d) != null) {
                throw invalid("Unit " + uom + " is defined twice", uom);
            }
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        result.put(base, 1);
        for (String uom : byUom.keySet().stream().sorted().toList()) {
            resolveOne(uom, base, byUom, result, new HashSet<>());
        }
        // present smallest to largest
        Map<String, Integer> ordered = new LinkedHashMap<>();
        result.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    private static int resolveOne(
            String uom,
            String base,
            Map<String, UnitDefinition> byUom,
            Map<String, Integer> done,
            Set<String> visiting) {
        Integer known = done.get(uom);
        if (known != null) {
            return known;
        }
        UnitDefinition d = byUom.get(uom);
        if (d == null) {
            throw invalid("Unit " + uom + " is neither the base unit " + base + " nor defined", uom);
        }
        if (!visiting.add(uom)) {
            throw invalid("Unit " + uom + " is defined in terms of itself", uom);
        }
        BigDecimal q = d.quantity();
        if (q == null || q.signum() <= 0 || q.stripTrailingZeros().scale() > 0) {
            throw invalid("Unit " + uom + " must hold a whole, positive number of " + normalise(d.of()), uom);
        }
        long total;
        try {
            total = Math.multiplyExact(q.intValueExact(), resolveOne(normalise(d.of()), base, byUom, done, visiting));
        } catch (ArithmeticException e) {
            throw invalid("Unit " + uom + " is too large", uom);
        }
        if (total > Integer.MAX_VALUE) {
            throw invalid("Unit " + uom + " is too large", uom);
        }
        done.put(uom, (int) total);
        return (int) total;
    }

    static String normalise(String uom) {
        return uom == null ? "" : uom.trim().toUpperCase();
    }

    private static DomainException invalid(String message, String uom) {
        return DomainException.unprocessable("INVALID_UOM_CONVERSION", message, Map.of("uom", uom));
    }
}
