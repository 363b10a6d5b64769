package org.lotledger.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.lotledger.catalog.location.LocationKind;

/**
 * What the gate knows when it checks a posting, read in one round trip under the locks of the posting's lots
 * ({@link GateReads}); every check of the gate is a pure function over these facts ({@link MovementChecks},
 * {@link BalanceChecks}, {@link LedgerLimits}), so each can be tested as a table without a database. The lots' and
 * locations' facts come straight from the catalog tables: the catalog's own lookups ({@code CatalogQueries}) read
 * one row at a time through JPA, which would add a round trip per location to every posting.
 *
 * @param heads       the locked lot heads, per lot (lots that do not exist have none)
 * @param lots        per lot
 * @param locations   per location (locations that do not exist are missing)
 * @param goLiveDates per warehouse of the posting's locations, where one is set
 * @param balances    every kept balance of the posting's lots at the posting's locations, in any status, with
 *                    the rows whose quantity is zero: a row means the lot has been posted there
 * @param heldAt      what the posting's target locations that have a capacity hold now, across lots
 * @param clock       the database clock, read after the locks were taken
 * @param earlier     the posting already recorded under the request's idempotency key, or null
 * @param reservations the pending reservations of the posting's lots at the posting's locations, and the reservations
 *                    the request names (in whatever state), per id
 */
record StockFacts(
        Map<Long, Head> heads,
        Map<Long, LotFacts> lots,
        Map<Long, LocationFacts> locations,
        Map<Long, LocalDate> goLiveDates,
        Map<Bucket, BigDecimal> balances,
        Map<Long, BigDecimal> heldAt,
        Instant clock,
        Earlier earlier,
        Map<Long, Reservation> reservations) {

    /** Facts of a posting on stock that nobody reserved. */
    StockFacts(
            Map<Long, Head> heads,
            Map<Long, LotFacts> lots,
            Map<Long, LocationFacts> locations,
            Map<Long, LocalDate> goLiveDates,
            Map<Bucket, BigDecimal> balances,
            Map<Long, BigDecimal> heldAt,
            Instant clock,
            Earlier earlier) {
        this(heads, lots, locations, goLiveDates, balances, heldAt, clock, earlier, Map.of());
    }

    /** A lot as the ledger sees it: its actual unit cost travels with every leg (ADR 0004). */
    record LotFacts(
            long lotId,
            String internalLabel,
            long itemId,
            String temperatureClass,
            String baseUom,
            BigDecimal unitCost,
            String currency) {}

    /** A location and, for a physical one, what its zone accepts and the zone's type (null without a zone). */
    record LocationFacts(
            long locationId,
            String code,
            LocationKind kind,
            boolean active,
            Long warehouseId,
            Long destinationWarehouseId,
            Set<StockStatus> allowedStatuses,
            Set<String> allowedTemperatureClasses,
            BigDecimal capacity,
            String zoneType) {

        /** A location whose zone's type does not matter to the check at hand. */
        LocationFacts(
                long locationId,
                String code,
                LocationKind kind,
                boolean active,
                Long warehouseId,
                Long destinationWarehouseId,
                Set<StockStatus> allowedStatuses,
                Set<String> allowedTemperatureClasses,
                BigDecimal capacity) {
            this(
                    locationId,
                    code,
                    kind,
                    active,
                    warehouseId,
                    destinationWarehouseId,
                    allowedStatuses,
                    allowedTemperatureClasses,
                    capacity,
                    null);
        }
    }

    /** A lot's head: the last sequence number of its legs and when its last posting was recorded. */
    record Head(long lotId, long lastSeq, Instant lastRecordedAt) {}

    /** The posting recorded under an idempotency key, and the fingerprint of the request that made it. */
    record Earlier(long postingId, String fingerprint) {}

    /** Never earlier than anything already recorded for these lots (clocks can step back). */
    Instant recordedAt() {
        Instant at = clock;
        for (Head h : heads.values()) {
            if (h.lastRecordedAt().isAfter(at)) {
                at = h.lastRecordedAt();
            }
        }
        return at;
    }
}
