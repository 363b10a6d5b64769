package org.lotledger.transfers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.TemperatureClass;
import org.lotledger.catalog.location.LocationView;
import org.lotledger.catalog.location.ZoneType;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;
import org.lotledger.ledger.VoidReason;
import org.lotledger.platform.security.Groups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a transfer off by scan (issue 10 §2). The origin's warehouse staff only ({@code NOT_WAREHOUSE_STAFF}); the
 * transfer's row is locked; every check comes before the first write ({@link DispatchChecks}, {@link
 * TransferPolicy#requireColdChainLogger}). Then, per staged lot line, one TRANSFER_OUT posting from the staging
 * location to the pair's in-transit location ({@code TRANSIT-<from>-<to>}, AVAILABLE to AVAILABLE) that posts the
 * staging reservation in the gate's own statement, so one wrong line can be reversed alone; a
 * {@code transfer_shipped_lot} row per posting (what the receipt counts against); the lines' shipped quantities; what
 * is still reserved for the transfer in storage is voided (CANCELLED: it stays behind); the expected arrival and the
 * overdue time from the lane's transit time; the transfer's process ({@link TransferProcesses}, in this
 * transaction); and, after the commit, {@link TransferDispatched}.
 */
@Service
public class DispatchingTransfers {

    private final TransferRows rows;
    private final TransferQueries queries;
    private final TransferScans scans;
    private final Reservations reservations;
    private final Ledger ledger;
    private final LedgerQueries stock;
    private final CatalogQueries catalog;
    private final ApplicationEventPublisher events;
    private final TransferProcesses processes;
    private final Clock clock;

    DispatchingTransfers(
            TransferRows rows,
            TransferQueries queries,
            TransferScans scans,
            Reservations reservations,
            Ledger ledger,
            LedgerQueries stock,
            CatalogQueries catalog,
            ApplicationEventPublisher events,
            TransferProcesses processes,
            Clock clock) {
        this.rows = rows;
        this.queries = queries;
        this.scans = scans;
        this.reservations = reservations;
        this.ledger = ledger;
        this.stock = stock;
        this.catalog = catalog;
        this.events = events;
        this.processes = processes;
        this.clock = clock;
    }

    /**
     * @param key the caller's scoped idempotency key (the door's), from which the postings' keys derive
     * @throws DomainException UNKNOWN_TRANSFER_ORDER (404), NOT_WAREHOUSE_STAFF (403), TRANSFER_ALREADY_DISPATCHED,
     *                         TRANSFER_ORDER_NOT_OPEN, NOTHING_STAGED, LOT_ON_HOLD, STAGED_ELSEWHERE,
     *                         STOCK_OF_ANOTHER_ORDER (409), COLD_CHAIN_LOGGER_REQUIRED, WRONG_LOCATION,
     *                         LOT_NOT_STAGED, LOT_NOT_SCANNED and the scan's codes (422)
     */
    @Transactional
    public TransferOrderView dispatch(long orderId, TransferDispatch request, Actor actor, String key) {
        TransferRows.Header found = rows.find(orderId).orElseThrow(() -> TransferQueries.notFound(orderId));
        requireOriginStaff(actor, found.fromCode());
        TransferRows.Header h = rows.lock(orderId).orElseThrow(() -> TransferQueries.notFound(orderId));
        if (h.dispatchedAt() != null) {
            throw DomainException.conflict(
                    "TRANSFER_ALREADY_DISPATCHED",
                    "Transfer order " + h.number() + " left " + h.fromCode() + " already (" + h.dispatchedAt() + ").",
                    Map.of("transferOrderId", orderId, "orderNumber", h.number()));
        }
        if (!h.status().beforeDispatch()) {
            throw TransferQueries.notOpen(h);
        }
        TemperatureClass temperatureClass = TemperatureClass.valueOf(h.temperatureClass());
        TransferPolicy.requireColdChainLogger(temperatureClass, request.coldChainLogger());

        List<Reservation> mine = reservations.forDemand(AllocatingTransfers.DEMAND_TYPE, String.valueOf(orderId), null);
        Map<Long, LocationView> stagingLocations = new HashMap<>();
        List<DispatchChecks.Staged> staged = new ArrayList<>();
        List<String> held = new ArrayList<>();
        List<Reservation> leftInStorage = new ArrayList<>();
        for (Reservation r : mine) {
            boolean atStaging = isStaging(r.locationId(), h.fromWarehouseId(), stagingLocations);
            if (r.state() == Reservation.State.PENDING && atStaging) {
                staged.add(new DispatchChecks.Staged(
                        r.id(),
                        Long.parseLong(r.demand().line()),
                        r.lotId(),
                        label(r.lotId()),
                        r.locationId(),
                        r.quantity()));
            } else if (r.state() == Reservation.State.PENDING) {
                leftInStorage.add(r);
            } else if (atStaging
                    && r.state() == Reservation.State.VOIDED
                    && r.voidReason() == VoidReason.HOLD
                    && stock.quantity(r.lotId(), r.locationId(), StockStatus.HOLD) > 0) {
                held.add(label(r.lotId()));
            }
        }
        String barcode = request.stagingLocation().strip();
        LocationView scanned = catalog.findLocationByBarcode(barcode).orElse(null);
        Map<Long, String> barcodes = new HashMap<>();
        stagingLocations.forEach((id, loc) -> barcodes.put(id, loc.barcode() == null ? loc.code() : loc.barcode()));
        DispatchChecks.Facts located = new DispatchChecks.Facts(
                staged, held, scanned == null ? -1 : scanned.id(), barcode, barcodes, List.of(), Set.of(), Set.of());
        DispatchChecks.location(located);

        long at = scanned.id();
        Set<Long> items = new LinkedHashSet<>();
        rows.lines(orderId).forEach(l -> items.add(l.itemId()));
        List<DispatchChecks.Scan> scanList = new ArrayList<>();
        Map<Long, String> scannedText = new LinkedHashMap<>();
        for (String text : request.lotLabels()) {
            DispatchChecks.Scan s = scans.resolve(text.strip(), at, barcode, items);
            scanList.add(s);
            scannedText.putIfAbsent(s.lotId(), text.strip());
        }
        Set<Long> scannedLots = new LinkedHashSet<>();
        scanList.forEach(s -> scannedLots.add(s.lotId()));
        Set<Long> reservedByOthers = new LinkedHashSet<>();
        for (Reservation r : reservations.pending(scannedLots, at)) {
            if (!(AllocatingTransfers.DEMAND_TYPE.equals(r.demand().type())
                    && String.valueOf(orderId).equals(r.demand().reference()))) {
                reservedByOthers.add(r.lotId());
            }
        }
        Set<Long> heldHere = new LinkedHashSet<>(stock.lotsAt(at, StockStatus.HOLD));
        List<DispatchChecks.Staged> toShip = DispatchChecks.toShip(
                new DispatchChecks.Facts(staged, held, at, barcode, barcodes, scanList, heldHere, reservedByOthers));

        // every check passed: the postings, one per lot line
        long inTransit = catalog.inTransitLocationId(h.fromWarehouseId(), h.toWarehouseId());
        Map<Long, Integer> lineNumbers = new HashMap<>();
        rows.lines(orderId).forEach(l -> lineNumbers.put(l.id(), l.lineNumber()));
        for (DispatchChecks.Staged s : toShip) {
            Posting posted = ledger.post(
                    PostingRequest.of(PostingType.TRANSFER_OUT, actor, "transfer-out:" + key + ":" + s.reservationId())
                            .movement(new Movement(
                                    s.lotId(),
                                    s.locationId(),
                                    StockStatus.AVAILABLE,
                                    inTransit,
                                    StockStatus.AVAILABLE,
                                    s.quantity()))
                            .reference("TRANSFER_ORDER", h.number())
                            .note("Transfer " + h.number() + " line " + lineNumbers.get(s.lineId()) + " from "
                                    + h.fromCode() + " to " + h.toCode())
                            .consumes(s.reservationId(), s.quantity())
                            .build());
            rows.insertShipped(
                    orderId,
                    s.lineId(),
                    s.lotId(),
                    s.locationId(),
                    inTransit,
                    s.reservationId(),
                    posted.id(),
                    s.quantity(),
                    scannedText.get(s.lotId()),
                    actor.userId());
            rows.addShipped(s.lineId(), s.quantity());
        }
        if (!leftInStorage.isEmpty()) {
            // what was allocated but not picked stays behind: its reservations are given up, the allocation with them
            reservations.voidPending(leftInStorage.stream().map(Reservation::id).toList(), VoidReason.CANCELLED, actor);
            leftInStorage.forEach(
                    r -> rows.releaseAllocated(Long.parseLong(r.demand().line()), r.quantity()));
        }
        // as the database keeps it (microseconds), so the event and the order say the same instants
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Instant expected = now.plus(Duration.ofDays(h.transitDays()));
        Instant overdue = expected.plus(Duration.ofHours(h.graceHours()));
        String logger =
                request.coldChainLogger() == null || request.coldChainLogger().isBlank()
                        ? null
                        : request.coldChainLogger().strip();
        rows.dispatched(orderId, actor.userId(), at, logger, now, expected, overdue);
        queries.refreshStatus(orderId, actor.userId(), null);
        TransferDispatched event = new TransferDispatched(
                orderId,
                h.number(),
                h.fromCode(),
                h.toCode(),
                h.temperatureClass(),
                now,
                expected,
                overdue,
                actor.userId());
        // the process starts in this transaction: no dispatch without its process, no process of a dispatch that
        // rolled back
        processes.dispatched(event);
        afterCommit(() -> events.publishEvent(event));
        return queries.get(orderId);
    }

    /** Publishes once the transaction committed (a rolled-back dispatch publishes nothing). */
    private static void afterCommit(Runnable r) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            r.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                r.run();
            }
        });
    }

    private boolean isStaging(long locationId, long warehouseId, Map<Long, LocationView> seen) {
        LocationView loc = catalog.findLocation(locationId)
                .filter(l -> l.warehouseId() != null && l.warehouseId() == warehouseId && l.zoneId() != null)
                .orElse(null);
        if (loc == null) {
            return false;
        }
        boolean staging = catalog.findZone(loc.zoneId())
                .map(z -> z.zoneType() == ZoneType.SHIPPING)
                .orElse(false);
        if (staging) {
            seen.put(locationId, loc);
        }
        return staging;
    }

    private String label(long lotId) {
        return catalog.findLot(lotId).map(l -> l.internalLabel()).orElse("#" + lotId);
    }

    static void requireOriginStaff(Actor actor, String warehouseCode) {
        if (!actor.worksAt(warehouseCode, Groups.WAREHOUSE)) {
            throw new DomainException(
                    "NOT_WAREHOUSE_STAFF",
                    DomainException.Kind.FORBIDDEN,
                    actor.userId() + " is not warehouse staff of " + warehouseCode
                            + ", where this transfer is dispatched.",
                    Map.of("warehouse", warehouseCode));
        }
    }
}
