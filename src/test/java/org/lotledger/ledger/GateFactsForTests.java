package org.lotledger.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.StockFacts.Head;
import org.lotledger.ledger.StockFacts.LocationFacts;
import org.lotledger.ledger.StockFacts.LotFacts;

/**
 * Facts as the gate would have read them, built by hand for the gate's table tests (no database): one lot LL1
 * (chilled, 2.5 USD) and the locations of two warehouses. Locations: 1 A1 and 2 A2 (shelves of warehouse 7, zone
 * takes AVAILABLE and HOLD, ambient and chilled), 3 Q1 (warehouse 7, quarantine zone: QUARANTINE and HOLD), 4 FRZ
 * (warehouse 7, frozen only), 5 OLD (warehouse 7, inactive), 6 B1 (a shelf of warehouse 8), 7 ADJ (adjustment),
 * 8 SUP (a supplier's), 9 CUS (a customer's), 10 T78 (in transit 7 to 8), 11 T87 (in transit 8 to 7), 12 SCR
 * (scrap of warehouse 7), 13 CAP (a shelf of warehouse 7 taking 10 units), 14 ADJ8 (adjustment of warehouse 8).
 */
final class GateFactsForTests {

    static final long LOT = 100;
    static final LotFacts LL1 = new LotFacts(LOT, "LL1", 1, "CHILLED", "EA", new BigDecimal("2.5000"), "USD");

    static final Map<Long, LocationFacts> LOCATIONS = Map.ofEntries(
            shelf(
                    1,
                    "A1",
                    7L,
                    true,
                    EnumSet.of(StockStatus.AVAILABLE, StockStatus.HOLD),
                    Set.of("AMBIENT", "CHILLED"),
                    null),
            shelf(
                    2,
                    "A2",
                    7L,
                    true,
                    EnumSet.of(StockStatus.AVAILABLE, StockStatus.HOLD),
                    Set.of("AMBIENT", "CHILLED"),
                    null),
            shelf(
                    3,
                    "Q1",
                    7L,
                    true,
                    EnumSet.of(StockStatus.QUARANTINE, StockStatus.HOLD),
                    Set.of("AMBIENT", "CHILLED"),
                    null),
            shelf(4, "FRZ", 7L, true, EnumSet.of(StockStatus.AVAILABLE), Set.of("FROZEN"), null),
            shelf(5, "OLD", 7L, false, EnumSet.of(StockStatus.AVAILABLE), Set.of("CHILLED"), null),
            shelf(6, "B1", 8L, true, EnumSet.allOf(StockStatus.class), Set.of("AMBIENT", "CHILLED"), null),
            virtual(7, "ADJ", LocationKind.ADJUSTMENT, 7L, null),
            virtual(8, "SUP", LocationKind.SUPPLIER, null, null),
            virtual(9, "CUS", LocationKind.CUSTOMER, null, null),
            virtual(10, "T78", LocationKind.IN_TRANSIT, 7L, 8L),
            virtual(11, "T87", LocationKind.IN_TRANSIT, 8L, 7L),
            virtual(12, "SCR", LocationKind.SCRAP, 7L, null),
            shelf(13, "CAP", 7L, true, EnumSet.allOf(StockStatus.class), Set.of("CHILLED"), new BigDecimal("10")),
            virtual(14, "ADJ8", LocationKind.ADJUSTMENT, 8L, null));

    private GateFactsForTests() {}

    static long id(String code) {
        return LOCATIONS.values().stream()
                .filter(l -> l.code().equals(code))
                .findFirst()
                .orElseThrow()
                .locationId();
    }

    static LocationFacts at(String code) {
        return LOCATIONS.get(id(code));
    }

    /** A movement of lot LL1 between two locations named by their codes. */
    static Movement move(String from, StockStatus fromStatus, String to, StockStatus toStatus, long quantity) {
        return new Movement(LOT, id(from), fromStatus, id(to), toStatus, quantity);
    }

    static Bucket bucket(String code, StockStatus status) {
        return new Bucket(LOT, id(code), status);
    }

    /** The facts with these kept balances and these capacity holdings (location code to quantity). */
    static StockFacts facts(Map<Bucket, BigDecimal> balances, Map<String, BigDecimal> heldAt) {
        Map<Long, BigDecimal> held = new HashMap<>();
        heldAt.forEach((code, q) -> held.put(id(code), q));
        return new StockFacts(
                Map.of(LOT, new Head(LOT, 4, Instant.EPOCH)),
                Map.of(LOT, LL1),
                LOCATIONS,
                Map.of(),
                balances,
                held,
                Instant.parse("2026-12-01T12:00:00Z"),
                null);
    }

    static StockFacts facts() {
        return facts(Map.of(), Map.of());
    }

    /** The code a check refuses with, or OK. */
    static String code(Runnable check) {
        try {
            check.run();
            return "OK";
        } catch (DomainException e) {
            return e.code();
        }
    }

    static DomainException refusal(Runnable check) {
        try {
            check.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("the check passed");
    }

    private static Map.Entry<Long, LocationFacts> shelf(
            long id,
            String code,
            Long warehouse,
            boolean active,
            Set<StockStatus> statuses,
            Set<String> temperatures,
            BigDecimal capacity) {
        return Map.entry(
                id,
                new LocationFacts(
                        id, code, LocationKind.PHYSICAL, active, warehouse, null, statuses, temperatures, capacity));
    }

    private static Map.Entry<Long, LocationFacts> virtual(
            long id, String code, LocationKind kind, Long warehouse, Long destination) {
        return Map.entry(id, new LocationFacts(id, code, kind, true, warehouse, destination, Set.of(), Set.of(), null));
    }
}
