package org.lotledger.putaway;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.location.LocationView;
import org.lotledger.catalog.reason.PostingTypeName;
import org.lotledger.catalog.reason.ReasonCodeCheck;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingExecutor;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.ScanLookups;
import org.lotledger.ledger.StockStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owns PUTAWAY postings. Suggests where a lot goes (the decision table picks the zone, this service the location in
 * it) and confirms the putaway by scan; a location outside the directed zone needs an override reason code (one whose
 * posting types include DIRECTED_PUTAWAY_OVERRIDE), which the posting records with the directed zone in its note.
 */
@Service
public class DirectingPutaway {

    /** The directed zone and the locations in it, best first: one already holding the lot, then the emptiest. */
    public record Suggestion(String lot, String directedZone, List<String> locations) {}

    public record Confirmation(
            String lot,
            String fromLocation,
            String toLocation,
            BigDecimal quantity,
            String unit,
            StockStatus status,
            String overrideReasonCode) {}

    private final PutawayZones zones;
    private final ScanLookups scans;
    private final CatalogQueries catalog;
    private final Ledger ledger;
    private final PostingExecutor executor;
    private final JdbcTemplate jdbc;
    private final LedgerQueries stockQueries;
    private final ReasonCodeCheck reasons;

    /** A location of the directed zone, with its capacity (null: unlimited). */
    private record Candidate(long id, String barcode, BigDecimal capacity) {}

    public DirectingPutaway(
            PutawayZones zones,
            ScanLookups scans,
            CatalogQueries catalog,
            Ledger ledger,
            PostingExecutor executor,
            JdbcTemplate jdbc,
            LedgerQueries stockQueries,
            ReasonCodeCheck reasons) {
        this.stockQueries = stockQueries;
        this.reasons = reasons;
        this.zones = zones;
        this.scans = scans;
        this.catalog = catalog;
        this.ledger = ledger;
        this.executor = executor;
        this.jdbc = jdbc;
    }

    /** Not read-only: evaluating the decision table writes its history (who was directed where, and why). */
    @Transactional
    public Suggestion suggest(String lot, String fromLocation, StockStatus status) {
        ScanLookups.ScannedLot scanned = scans.lot(lot);
        LocationView from = location(fromLocation);
        String zone = directedZone(scanned, status == null ? StockStatus.AVAILABLE : status);
        List<Candidate> inZone = jdbc.query(
                """
                select l.id, l.barcode, l.capacity_base_units
                  from location l join zone z on z.id = l.zone_id
                 where l.kind = 'PHYSICAL' and l.active and z.active and z.warehouse_id = ? and z.code = ?""",
                (rs, i) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)),
                from.warehouseId(),
                zone);
        Map<Long, LedgerQueries.LocationStock> stock =
                stockQueries.stockAt(inZone.stream().map(Candidate::id).toList(), scanned.lotId());
        List<String> candidates = inZone.stream()
                .filter(c -> c.capacity() == null
                        || BigDecimal.valueOf(stock.get(c.id()).total()).compareTo(c.capacity()) < 0)
                .sorted(Comparator.comparing((Candidate c) -> stock.get(c.id()).ofLot() <= 0)
                        .thenComparingLong(c -> stock.get(c.id()).total())
                        .thenComparing(Candidate::barcode))
                .limit(5)
                .map(Candidate::barcode)
                .toList();
        return new Suggestion(scanned.internalLabel(), zone, candidates);
    }

    public Posting confirm(Confirmation c, Actor actor, String idempotencyKey) {
        return executor.inTransaction(() -> {
            ScanLookups.ScannedLot lot = scans.lot(c.lot());
            LocationView from = location(c.fromLocation());
            LocationView to = location(c.toLocation());
            StockStatus status = c.status() == null ? StockStatus.AVAILABLE : c.status();
            String directed = directedZone(lot, status);
            String actual = to.zoneId() == null
                    ? null
                    : catalog.findZone(to.zoneId()).map(z -> z.code()).orElse(null);
            String reason = null;
            String note = null;
            if (!directed.equals(actual)) {
                if (c.overrideReasonCode() == null || c.overrideReasonCode().isBlank()) {
                    throw DomainException.unprocessable(
                            "PUTAWAY_OUTSIDE_DIRECTED_ZONE",
                            "Lot " + lot.internalLabel()
                                    + " goes to zone " + directed + ", not " + actual + " (" + to.code()
                                    + "); give an override reason to put it there anyway.",
                            Map.of("directedZone", directed, "location", to.code()));
                }
                reason = reasons.check(
                        c.overrideReasonCode().trim().toUpperCase(java.util.Locale.ROOT),
                        PostingTypeName.DIRECTED_PUTAWAY_OVERRIDE,
                        true);
                note = "directed zone " + directed + ", put away in " + actual;
            }
            long quantity = scans.toBaseUnits(lot.itemId(), c.quantity(), c.unit());
            return ledger.post(PostingRequest.of(PostingType.PUTAWAY, actor, idempotencyKey)
                    .movement(new Movement(lot.lotId(), from.id(), status, to.id(), status, quantity))
                    .reason(reason)
                    .note(note)
                    .reference("PUTAWAY", null)
                    .build());
        });
    }

    private String directedZone(ScanLookups.ScannedLot lot, StockStatus status) {
        ItemView item = catalog.findItem(lot.itemId()).orElseThrow();
        return zones.zoneFor(status.name(), item.temperatureClass().name(), item.itemFamily());
    }

    private LocationView location(String barcode) {
        return catalog.findLocationByBarcode(barcode)
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_LOCATION",
                        "No location with barcode '" + barcode + "'.",
                        Map.of("barcode", String.valueOf(barcode))));
    }
}
