package org.lotledger.transfers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.item.TemperatureClass;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.catalog.location.LocationView;
import org.lotledger.catalog.location.ZoneView;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.catalog.reason.ReasonCodeNames;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.Posting;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.security.Groups;
import org.lotledger.putaway.DirectingPutaway;
import org.lotledger.quality.HoldingArrivals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives a transfer at its destination by scan and closes the receipt (issue 10 §3). The destination's receiving
 * and warehouse staff only ({@code NOT_WAREHOUSE_STAFF}).
 *
 * <p>A scan: every check before the first write (the order dispatched, the receipt open, the cold-chain reading of a
 * CHILLED or FROZEN transfer, the location at the destination, the lot label of one of the transfer's items, the
 * quantity). Then the locks in the order every writer of a held lot takes them: the hold-decision lock
 * ({@link HoldingArrivals#holdCovering}), the transfer's row, the ledger's lot lock (the gate's). Where the stock lands:
 * HOLD when an open hold covers the lot or the location (the hold adopts it, so the receiver never meets
 * ARRIVAL_UNDER_HOLD), QUARANTINE when damaged or the cold chain broke, else AVAILABLE; the location's zone must take
 * that status and the transfer's temperature class. One TRANSFER_IN per shipped lot row received against, from its
 * in-transit location, referencing the transfer as its TRANSFER_OUT did; the rows' received quantities rise and the
 * order's state follows ({@link TransferStates}). At most what is still in transit of the lot is posted: the rest of
 * the scan is kept and set aside. A scan of which nothing can be posted (nothing of the lot left in transit, or a lot
 * that did not leave with the transfer) is refused with 409 {@code NOT_IN_TRANSIT}, and kept all the same, set aside,
 * in a transaction of its own after the refusal rolled back (the one 4xx that keeps a row: the scan is evidence for
 * the close).
 *
 * <p>After a close, scans are still taken while stock of the transfer is in transit (a later receipt round: the rest
 * of a SHORT resolved "still coming"); {@code TRANSFER_RECEIPT_CLOSED} once nothing is. The close computes the discrepancies ({@link ReceiptDiscrepancies}), records them ({@link
 * TransferDiscrepancies#record}, value = quantity × the lot's unit cost, ADR 0004), marks the receipt closed and
 * publishes {@link TransferReceiptClosed} inside its transaction.
 */
@Service
public class ReceivingTransfers {

    static final String REFERENCE_TYPE = "TRANSFER_ORDER";

    private final TransferRows rows;
    private final TransferReceiptRows receipts;
    private final TransferQueries queries;
    private final TransferReceiptLabels labels;
    private final TransferDiscrepancies discrepancies;
    private final HoldingArrivals arrivals;
    private final DirectingPutaway putaway;
    private final Ledger ledger;
    private final LedgerQueries stock;
    private final CatalogQueries catalog;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final TransactionTemplate separately;
    private final Clock clock;

    ReceivingTransfers(
            TransferRows rows,
            TransferReceiptRows receipts,
            TransferQueries queries,
            TransferReceiptLabels labels,
            TransferDiscrepancies discrepancies,
            HoldingArrivals arrivals,
            DirectingPutaway putaway,
            Ledger ledger,
            LedgerQueries stock,
            CatalogQueries catalog,
            ApplicationEventPublisher events,
            ObjectMapper json,
            PlatformTransactionManager txManager,
            Clock clock) {
        this.rows = rows;
        this.receipts = receipts;
        this.queries = queries;
        this.labels = labels;
        this.discrepancies = discrepancies;
        this.arrivals = arrivals;
        this.putaway = putaway;
        this.ledger = ledger;
        this.stock = stock;
        this.catalog = catalog;
        this.events = events;
        this.json = json;
        this.separately = new TransactionTemplate(txManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * @param key the caller's scoped idempotency key (the door's), from which the postings' and scans' keys derive
     * @throws DomainException UNKNOWN_TRANSFER_ORDER, UNKNOWN_LOCATION, UNKNOWN_LOT (404), NOT_WAREHOUSE_STAFF (403),
     *                         TRANSFER_NOT_DISPATCHED, TRANSFER_RECEIPT_CLOSED, NOT_IN_TRANSIT (409),
     *                         COLD_CHAIN_READING_REQUIRED, INVALID_COLD_CHAIN_READING, LOCATION_NOT_AT_DESTINATION,
     *                         ZONE_REFUSES_STATUS, ZONE_REFUSES_TEMPERATURE_CLASS, QUANTITY_REQUIRED, the label's and
     *                         the quantity's codes (422)
     */
    @Transactional
    public TransferReceiptView.Scanned receive(long orderId, TransferReceiptScan scan, Actor actor, String key) {
        TransferRows.Header found = rows.find(orderId).orElseThrow(() -> TransferQueries.notFound(orderId));
        requireDestinationStaff(actor, found.toCode());
        requireOpenReceipt(found);
        TemperatureClass temperatureClass = TemperatureClass.valueOf(found.temperatureClass());
        boolean cold = temperatureClass != TemperatureClass.AMBIENT;
        TransferReceiptScan.ColdChainReading reading = scan.coldChain();
        if (cold && reading == null) {
            throw DomainException.unprocessable(
                    "COLD_CHAIN_READING_REQUIRED",
                    "Transfer " + found.number() + " travels " + temperatureClass
                            + ": each scan gives the cold-chain logger's reading (inRange, minCelsius, maxCelsius).",
                    Map.of("temperatureClass", temperatureClass.name()));
        }
        if (reading != null
                && reading.minCelsius() != null
                && reading.maxCelsius() != null
                && reading.minCelsius().compareTo(reading.maxCelsius()) > 0) {
            throw DomainException.unprocessable(
                    "INVALID_COLD_CHAIN_READING",
                    "The reading's minimum " + reading.minCelsius() + " °C is above its maximum " + reading.maxCelsius()
                            + " °C.",
                    Map.of());
        }
        boolean excursion = cold && !reading.inRange();
        String barcode = scan.location().strip();
        LocationView location = catalog.findLocationByBarcode(barcode)
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_LOCATION", "No location with barcode '" + barcode + "'.", Map.of("barcode", barcode)));
        if (location.kind() != LocationKind.PHYSICAL
                || location.warehouseId() == null
                || location.warehouseId() != found.toWarehouseId()) {
            throw DomainException.unprocessable(
                    "LOCATION_NOT_AT_DESTINATION",
                    "Location " + barcode + " is not a shelf of " + found.toCode() + ", where transfer "
                            + found.number() + " is received.",
                    Map.of("location", barcode, "warehouse", found.toCode()));
        }
        List<TransferRows.LineRow> lines = rows.lines(orderId);
        Set<Long> items = new LinkedHashSet<>();
        lines.forEach(l -> items.add(l.itemId()));
        String text = scan.lotLabel().strip();
        TransferReceiptLabels.Resolved resolved = labels.resolve(text, items);
        LotView lot = resolved.lot();
        long quantity = quantity(scan, resolved, lot);

        // the locks: hold decisions, the transfer, then the ledger's lot lock in the gate
        Optional<Long> hold = arrivals.holdCovering(lot.id(), location.id());
        TransferRows.Header h = rows.lock(orderId).orElseThrow(() -> TransferQueries.notFound(orderId));
        requireOpenReceipt(h);
        boolean damaged = scan.condition() == TransferReceiptScan.Condition.DAMAGED;
        StockStatus landing = hold.isPresent()
                ? StockStatus.HOLD
                : damaged || excursion ? StockStatus.QUARANTINE : StockStatus.AVAILABLE;
        DirectingPutaway.Suggestion suggestion = putaway.suggest(
                lot.internalLabel(), location.barcode() == null ? location.code() : location.barcode(), landing);
        requireZoneTakes(location, landing, temperatureClass, suggestion);

        List<TransferRows.ShippedRow> ofLot = rows.shipped(orderId).stream()
                .filter(s -> s.lotId() == lot.id())
                .toList();
        // what the shipped rows still expect, never more than the ledger holds in transit of the lot under this
        // transfer (a part written off as lost in transit is no longer there to receive)
        long expected =
                ofLot.stream().mapToLong(s -> s.shipped() - s.received()).sum();
        long inLedger = ofLot.isEmpty()
                ? 0
                : stock
                        .inTransit(new LedgerQueries.InTransitFilter(null, null, REFERENCE_TYPE, h.number(), lot.id()))
                        .stream()
                        .mapToLong(LedgerQueries.InTransit::quantity)
                        .sum();
        long inTransit = Math.max(0, Math.min(expected, inLedger));
        long lineId = ofLot.isEmpty()
                ? lines.stream()
                        .filter(l -> l.itemId() == lot.itemId())
                        .findFirst()
                        .orElseThrow()
                        .id()
                : ofLot.get(ofLot.size() - 1).lineId();
        TransferReceiptRows.NewScan base = new TransferReceiptRows.NewScan(
                orderId,
                lineId,
                null,
                lot.id(),
                text,
                location.id(),
                scan.condition().name(),
                quantity,
                "SET_ASIDE",
                null,
                null,
                null,
                ofLot.isEmpty() ? "NOT_SHIPPED" : "ABOVE_SHIPPED",
                reading == null ? null : reading.inRange(),
                reading == null ? null : reading.minCelsius(),
                reading == null ? null : reading.maxCelsius(),
                excursion,
                key + ":set-aside",
                actor.userId());
        if (inTransit <= 0) {
            keepAfterRollback(base);
            throw DomainException.conflict(
                    "NOT_IN_TRANSIT",
                    ofLot.isEmpty()
                            ? "Lot " + lot.internalLabel() + " did not leave with transfer " + h.number()
                                    + ": nothing is posted; the scan is kept and set aside for the close (WRONG_LOT"
                                    + " or OVER)."
                            : "Nothing of lot " + lot.internalLabel() + " is in transit for transfer " + h.number()
                                    + " any more (shipped "
                                    + ofLot.stream()
                                            .mapToLong(TransferRows.ShippedRow::shipped)
                                            .sum()
                                    + ", received "
                                    + ofLot.stream()
                                            .mapToLong(TransferRows.ShippedRow::received)
                                            .sum()
                                    + "): nothing is posted; the scan is kept and set aside for"
                                    + " the close (OVER).",
                    Map.of(
                            "lot",
                            lot.internalLabel(),
                            "quantity",
                            quantity,
                            "inTransit",
                            0,
                            "setAsideReason",
                            base.setAsideReason()));
        }

        // every check passed: the postings, one per shipped lot row received against
        String reason = hold.isPresent()
                ? null
                : damaged
                        ? ReasonCodeNames.DAMAGED_IN_TRANSIT
                        : excursion ? ReasonCodeNames.TRANSIT_TEMP_EXCURSION : null;
        if (reason != null && catalog.findReasonCode(reason).isEmpty()) {
            reason = null; // a catalog without the transfer reason codes: the note says it
        }
        long left = Math.min(quantity, inTransit);
        long received = left;
        List<Long> scanIds = new ArrayList<>();
        List<Long> postingIds = new ArrayList<>();
        for (TransferRows.ShippedRow row : ofLot) {
            long take = Math.min(left, row.shipped() - row.received());
            if (take <= 0) {
                continue;
            }
            Posting posted = ledger.post(PostingRequest.of(
                            PostingType.TRANSFER_IN, actor, "transfer-in:" + key + ":" + row.id())
                    .movement(new Movement(
                            lot.id(), row.inTransitLocationId(), StockStatus.AVAILABLE, location.id(), landing, take))
                    .reference(REFERENCE_TYPE, h.number())
                    .reason(reason)
                    .note(note(h, damaged, excursion, hold))
                    .build());
            if (hold.isPresent()) {
                arrivals.adopt(hold.get(), lot.id(), location.id(), take, posted.id());
            }
            receipts.addReceived(row.id(), take);
            scanIds.add(receipts.insert(new TransferReceiptRows.NewScan(
                            orderId,
                            row.lineId(),
                            row.id(),
                            lot.id(),
                            text,
                            location.id(),
                            scan.condition().name(),
                            take,
                            "RECEIVED",
                            landing.name(),
                            hold.orElse(null),
                            posted.id(),
                            null,
                            base.inRange(),
                            base.minCelsius(),
                            base.maxCelsius(),
                            excursion,
                            key + ":" + row.id(),
                            actor.userId()))
                    .orElseThrow());
            postingIds.add(posted.id());
            left -= take;
        }
        long setAside = quantity - received;
        if (setAside > 0) {
            scanIds.add(receipts.insert(new TransferReceiptRows.NewScan(
                            orderId,
                            lineId,
                            null,
                            lot.id(),
                            text,
                            location.id(),
                            scan.condition().name(),
                            setAside,
                            "SET_ASIDE",
                            null,
                            null,
                            null,
                            "ABOVE_SHIPPED",
                            base.inRange(),
                            base.minCelsius(),
                            base.maxCelsius(),
                            excursion,
                            base.scanKey(),
                            actor.userId()))
                    .orElseThrow());
        }
        queries.refreshStatus(orderId, actor.userId(), null);
        String at = location.barcode() == null ? location.code() : location.barcode();
        boolean inZone = location.zoneId() != null
                && catalog.findZone(location.zoneId())
                        .map(z -> z.code().equals(suggestion.directedZone()))
                        .orElse(false);
        return new TransferReceiptView.Scanned(
                orderId,
                h.number(),
                scanIds,
                lot.id(),
                lot.internalLabel(),
                at,
                scan.condition().name(),
                quantity,
                received,
                setAside,
                landing.name(),
                hold.orElse(null),
                excursion,
                postingIds,
                new TransferReceiptView.Putaway(suggestion.directedZone(), suggestion.locations(), inZone),
                inTransit - received,
                rows.find(orderId).orElseThrow().status());
    }

    /**
     * Closes the receipt's open round: the discrepancies per lot of that round's scans, recorded append-only, and
     * {@link TransferReceiptClosed} published inside this transaction. The first round is measured against what was
     * shipped; a later one (scans taken after a close while stock was still in transit) against what was still in
     * transit when it began ({@link #laterRound}), so nothing found by an earlier close is found again.
     *
     * @throws DomainException UNKNOWN_TRANSFER_ORDER (404), NOT_WAREHOUSE_STAFF (403), TRANSFER_NOT_DISPATCHED,
     *                         TRANSFER_RECEIPT_CLOSED, NOTHING_RECEIVED (409)
     */
    @Transactional
    public TransferReceiptView.Closed close(long orderId, Actor actor) {
        TransferRows.Header found = rows.find(orderId).orElseThrow(() -> TransferQueries.notFound(orderId));
        requireDestinationStaff(actor, found.toCode());
        TransferRows.Header h = rows.lock(orderId).orElseThrow(() -> TransferQueries.notFound(orderId));
        requireDispatched(h);
        int roundsClosed = receipts.roundsClosed(orderId);
        List<TransferReceiptRows.ScanRow> scans = receipts.scansOfOpenRound(orderId);
        if (scans.isEmpty() && roundsClosed > 0) {
            TransferReceiptRows.Closed c = receipts.closed(orderId).orElseThrow();
            throw DomainException.conflict(
                    "TRANSFER_RECEIPT_CLOSED",
                    "The receipt of transfer " + h.number() + " was closed by " + c.closedBy() + " at " + c.closedAt()
                            + " and nothing was scanned since"
                            + (stillInTransit(h)
                                    ? ": scan what arrives of the stock still in transit, then close again."
                                    : "."),
                    Map.of("transferOrderId", h.id(), "closedBy", c.closedBy()));
        }
        if (scans.isEmpty()) {
            throw DomainException.conflict(
                    "NOTHING_RECEIVED",
                    "Nothing of transfer " + h.number() + " was scanned at " + h.toCode()
                            + " yet: a receipt is closed after its scans; a transfer that does not arrive is chased"
                            + " as overdue.",
                    Map.of("transferOrderId", orderId, "orderNumber", h.number()));
        }
        List<ReceiptDiscrepancies.Shipped> shipped = roundsClosed == 0
                ? rows.shipped(orderId).stream()
                        .map(s -> new ReceiptDiscrepancies.Shipped(
                                s.id(), s.lineId(), s.lotId(), s.shipped(), s.received()))
                        .toList()
                : laterRound(h, scans);
        List<ReceiptDiscrepancies.Scan> facts = scans.stream()
                .map(s -> new ReceiptDiscrepancies.Scan(
                        s.id(),
                        s.lineId(),
                        s.lotId(),
                        s.quantity(),
                        s.outcome(),
                        s.setAsideReason(),
                        "DAMAGED".equals(s.condition()),
                        s.excursion()))
                .toList();
        Map<Long, TransferReceiptRows.ScanRow> byId = new HashMap<>();
        scans.forEach(s -> byId.put(s.id(), s));
        List<Long> ids = new ArrayList<>();
        for (ReceiptDiscrepancies.Found f : ReceiptDiscrepancies.of(shipped, facts)) {
            LotView lot = catalog.findLot(f.lotId()).orElseThrow();
            BigDecimal value = lot.unitCost() == null
                    ? BigDecimal.ZERO
                    : lot.unitCost().multiply(BigDecimal.valueOf(f.quantity())).setScale(4, RoundingMode.HALF_UP);
            ArrayNode evidence = json.createArrayNode();
            f.scanIds().forEach(id -> evidence.add(scanJson(byId.get(id))));
            ids.add(discrepancies.record(new TransferDiscrepancies.NewDiscrepancy(
                    orderId,
                    f.lineId(),
                    f.type(),
                    f.lotId(),
                    f.receivedLotId(),
                    BigDecimal.valueOf(f.expected()),
                    BigDecimal.valueOf(f.actual()),
                    BigDecimal.valueOf(f.quantity()),
                    value,
                    evidence,
                    actor.userId())));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        receipts.close(orderId, actor.userId(), now);
        boolean stillInTransit = stillInTransit(h);
        // inside the transaction: the process correlates its message here, and a rolled-back close reaches nobody
        events.publishEvent(new TransferReceiptClosed(orderId, h.number(), ids, stillInTransit, actor.userId()));
        return new TransferReceiptView.Closed(
                orderId,
                h.number(),
                h.status(),
                actor.userId(),
                now,
                stillInTransit,
                discrepancies.ofTransfer(orderId).stream()
                        .map(TransferReceiptView.Discrepancy::of)
                        .toList());
    }

    /**
     * A later receipt round (after a close, of stock that was still in transit): per shipped lot row, what was still
     * in transit of it when the round began (what the ledger holds in transit of the lot under the transfer now, plus
     * what this round received of it, spread over the lot's rows in order and never above what each row still
     * expected), and what this round received of it. What an earlier round received, and what was written off or
     * reversed since, is no longer expected: the close finds only this round's discrepancies.
     */
    private List<ReceiptDiscrepancies.Shipped> laterRound(
            TransferRows.Header h, List<TransferReceiptRows.ScanRow> roundScans) {
        Map<Long, Long> receivedOfRow = new HashMap<>();
        roundScans.stream()
                .filter(s -> "RECEIVED".equals(s.outcome()) && s.shippedLotId() != null)
                .forEach(s -> receivedOfRow.merge(s.shippedLotId(), s.quantity(), Long::sum));
        Map<Long, Long> atStart = new HashMap<>();
        stock.inTransit(LedgerQueries.InTransitFilter.ofReference(REFERENCE_TYPE, h.number()))
                .forEach(r -> atStart.merge(r.lotId(), Math.max(0, r.quantity()), Long::sum));
        List<TransferRows.ShippedRow> shippedRows = rows.shipped(h.id());
        shippedRows.forEach(s -> atStart.merge(s.lotId(), receivedOfRow.getOrDefault(s.id(), 0L), Long::sum));
        List<ReceiptDiscrepancies.Shipped> round = new ArrayList<>();
        for (TransferRows.ShippedRow s : shippedRows) {
            long now = receivedOfRow.getOrDefault(s.id(), 0L);
            long before = s.received() - now;
            long left = atStart.getOrDefault(s.lotId(), 0L);
            long expected = Math.max(0, Math.min(s.shipped() - before, left));
            atStart.put(s.lotId(), left - expected);
            round.add(
                    new ReceiptDiscrepancies.Shipped(s.id(), s.lineId(), s.lotId(), expected, Math.min(now, expected)));
        }
        return round;
    }

    private boolean stillInTransit(TransferRows.Header h) {
        return stock.inTransit(LedgerQueries.InTransitFilter.ofReference(REFERENCE_TYPE, h.number())).stream()
                .anyMatch(r -> r.quantity() > 0);
    }

    /** The receipt so far: its scans, the close and the discrepancies. */
    @Transactional(readOnly = true)
    public TransferReceiptView.Receipt receipt(long orderId) {
        TransferRows.Header h = rows.find(orderId).orElseThrow(() -> TransferQueries.notFound(orderId));
        Optional<TransferReceiptRows.Closed> closed = receipts.closed(orderId);
        Map<Long, String> codes = new HashMap<>();
        List<TransferReceiptView.Scan> scans = receipts.scans(orderId).stream()
                .map(s -> new TransferReceiptView.Scan(
                        s.id(),
                        s.lineId(),
                        s.shippedLotId(),
                        s.lotId(),
                        catalog.findLot(s.lotId()).map(LotView::internalLabel).orElse(null),
                        s.scannedLabel(),
                        codes.computeIfAbsent(s.locationId(), this::locationCode),
                        s.condition(),
                        s.quantity(),
                        s.outcome(),
                        s.landedStatus(),
                        s.holdId(),
                        s.postingId(),
                        s.setAsideReason(),
                        s.inRange(),
                        s.minCelsius(),
                        s.maxCelsius(),
                        s.excursion(),
                        s.scannedBy(),
                        s.scannedAt(),
                        s.round()))
                .toList();
        return new TransferReceiptView.Receipt(
                orderId,
                h.number(),
                h.status(),
                closed.map(TransferReceiptRows.Closed::closedBy).orElse(null),
                closed.map(TransferReceiptRows.Closed::closedAt).orElse(null),
                scans,
                discrepancies.ofTransfer(orderId).stream()
                        .map(TransferReceiptView.Discrepancy::of)
                        .toList());
    }

    private ObjectNode scanJson(TransferReceiptRows.ScanRow s) {
        ObjectNode n = json.createObjectNode();
        n.put("scanId", s.id());
        // the receipt round the scan belongs to (1 for the first close, 2 for the scans after it, ...)
        n.put("round", s.round());
        n.put("label", s.scannedLabel());
        n.put("location", locationCode(s.locationId()));
        n.put("quantity", s.quantity());
        n.put("condition", s.condition());
        n.put("outcome", s.outcome());
        if (s.landedStatus() != null) {
            n.put("landedStatus", s.landedStatus());
        }
        if (s.setAsideReason() != null) {
            n.put("setAsideReason", s.setAsideReason());
        }
        if (s.inRange() != null) {
            n.put("coldChainInRange", s.inRange());
            if (s.minCelsius() != null) {
                n.put("minCelsius", s.minCelsius());
            }
            if (s.maxCelsius() != null) {
                n.put("maxCelsius", s.maxCelsius());
            }
        }
        n.put("scannedBy", s.scannedBy());
        n.put("scannedAt", s.scannedAt().toString());
        return n;
    }

    private String locationCode(long id) {
        return catalog.findLocation(id).map(LocationView::code).orElse("#" + id);
    }

    private long quantity(TransferReceiptScan scan, TransferReceiptLabels.Resolved resolved, LotView lot) {
        ItemView item = catalog.findItem(lot.itemId()).orElseThrow();
        if (scan.quantity() != null) {
            return catalog.toBaseUnits(lot.itemId(), scan.quantity(), scan.uom() == null ? item.baseUom() : scan.uom());
        }
        if (resolved.count().isPresent() && resolved.countUom() != null) {
            return catalog.toBaseUnits(
                    lot.itemId(), BigDecimal.valueOf(resolved.count().getAsInt()), resolved.countUom());
        }
        throw DomainException.unprocessable(
                "QUANTITY_REQUIRED",
                "Give the quantity received, or scan a label with a count (AI 30 or AI 37).",
                Map.of("lot", lot.internalLabel()));
    }

    private void requireZoneTakes(
            LocationView location,
            StockStatus status,
            TemperatureClass temperatureClass,
            DirectingPutaway.Suggestion suggestion) {
        ZoneView zone = location.zoneId() == null
                ? null
                : catalog.findZone(location.zoneId()).orElse(null);
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("location", location.code());
        offer.put("directedZone", suggestion.directedZone());
        offer.put("suggestedLocations", suggestion.locations());
        if (zone == null
                || zone.allowedStatuses().stream().noneMatch(s -> s.name().equals(status.name()))) {
            offer.put("stockStatus", status.name());
            throw DomainException.unprocessable(
                    "ZONE_REFUSES_STATUS",
                    "Location " + location.code() + " does not take " + status + " stock; put it in zone "
                            + suggestion.directedZone() + " " + suggestion.locations() + ".",
                    offer);
        }
        if (zone.allowedTemperatureClasses().stream().noneMatch(c -> c.name().equals(temperatureClass.name()))) {
            offer.put("temperatureClass", temperatureClass.name());
            throw DomainException.unprocessable(
                    "ZONE_REFUSES_TEMPERATURE_CLASS",
                    "Location " + location.code() + " does not take " + temperatureClass + " stock; put it in zone "
                            + suggestion.directedZone() + " " + suggestion.locations() + ".",
                    offer);
        }
    }

    /** A refused scan is kept set aside once the refusal rolled back, in a transaction of its own. */
    private void keepAfterRollback(TransferReceiptRows.NewScan scan) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    separately.executeWithoutResult(s -> keepSetAside(scan));
                }
            }
        });
    }

    /**
     * Stores a refused scan set aside, under the transfer order's lock (as every scan and the close take it), so a
     * close either counts it or runs after it; nothing is stored when the receipt was closed for good meanwhile (closed
     * with nothing in transit: no later round would ever read it). Answers whether it was stored.
     */
    boolean keepSetAside(TransferReceiptRows.NewScan scan) {
        Optional<TransferRows.Header> h = rows.lock(scan.orderId());
        if (h.isEmpty() || (receipts.closed(scan.orderId()).isPresent() && !stillInTransit(h.get()))) {
            return false;
        }
        receipts.insert(scan);
        return true;
    }

    private static String note(TransferRows.Header h, boolean damaged, boolean excursion, Optional<Long> hold) {
        StringBuilder b =
                new StringBuilder("Transfer " + h.number() + " from " + h.fromCode() + " received at " + h.toCode());
        if (damaged) {
            b.append(", damaged");
        }
        if (excursion) {
            b.append(", cold-chain excursion");
        }
        hold.ifPresent(id -> b.append(", under open quality hold ").append(id));
        return b.toString();
    }

    /**
     * Scans are taken until the receipt closes, and after a close for as long as stock is still in transit under the
     * transfer (a later receipt round: a short resolved "still coming" arrives).
     */
    private void requireOpenReceipt(TransferRows.Header h) {
        requireDispatched(h);
        receipts.closed(h.id()).ifPresent(c -> {
            if (stillInTransit(h)) {
                return;
            }
            throw DomainException.conflict(
                    "TRANSFER_RECEIPT_CLOSED",
                    "The receipt of transfer " + h.number() + " was closed by " + c.closedBy() + " at " + c.closedAt()
                            + " and nothing of it is in transit any more.",
                    Map.of("transferOrderId", h.id(), "closedBy", c.closedBy()));
        });
    }

    private void requireDispatched(TransferRows.Header h) {
        if (h.dispatchedAt() == null) {
            throw DomainException.conflict(
                    "TRANSFER_NOT_DISPATCHED",
                    "Transfer order " + h.number() + " has not left " + h.fromCode() + ": nothing is in transit.",
                    Map.of("transferOrderId", h.id(), "status", h.status().name()));
        }
    }

    static void requireDestinationStaff(Actor actor, String warehouseCode) {
        if (!actor.worksAt(warehouseCode, Groups.RECEIVING) && !actor.worksAt(warehouseCode, Groups.WAREHOUSE)) {
            throw new DomainException(
                    "NOT_WAREHOUSE_STAFF",
                    DomainException.Kind.FORBIDDEN,
                    actor.userId() + " is not receiving or warehouse staff of " + warehouseCode
                            + ", where this transfer is received.",
                    Map.of("warehouse", warehouseCode));
        }
    }
}
