package org.lotledger.recall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.lot.TracedLot;
import org.lotledger.common.DomainException;
import org.lotledger.evidence.DecisionRecords;
import org.lotledger.evidence.DecisionRecords.SubjectDecision;
import org.lotledger.ledger.LedgerQueries;
import org.lotledger.ledger.LedgerQueries.TraceBalance;
import org.lotledger.ledger.LedgerQueries.TraceLeg;
import org.lotledger.quality.OpenHolds;
import org.lotledger.receiving.ReceiptsOfLots;
import org.lotledger.receiving.ReceiptsOfLots.ReceivedLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The trace of a recall scope (issue 11 §1, ADR 0014): forward, backward, whereabouts and mass balance of every lot
 * in scope, read from the ledger ({@link LedgerQueries#traceLegs}, {@link LedgerQueries#traceBalances}) and the
 * documents that posted it (receiving, transfers, decision records, open holds), in one REPEATABLE READ read-only
 * transaction: every part sees the same committed postings, so the mass balance holds exactly or shows a real
 * mismatch (logged at ERROR). Never a separate trace table. The recall process and the mock recall call
 * {@link #trace(RecallScope)}; the notice list may start from {@link #shipmentsOf(RecallScope)}.
 */
@Service
public class Tracing {

    private static final Logger log = LoggerFactory.getLogger(Tracing.class);

    private final LotsInScope scopes;
    private final LedgerQueries ledger;
    private final CatalogQueries catalog;
    private final ReceiptsOfLots receipts;
    private final OpenHolds openHolds;
    private final DecisionRecords decisions;
    private final JdbcTemplate jdbc;

    Tracing(
            LotsInScope scopes,
            LedgerQueries ledger,
            CatalogQueries catalog,
            ReceiptsOfLots receipts,
            OpenHolds openHolds,
            DecisionRecords decisions,
            JdbcTemplate jdbc) {
        this.scopes = scopes;
        this.ledger = ledger;
        this.catalog = catalog;
        this.receipts = receipts;
        this.openHolds = openHolds;
        this.decisions = decisions;
        this.jdbc = jdbc;
    }

    /**
     * @throws DomainException SCOPE_INVALID (400) for a malformed scope; UNKNOWN_LOT (404) when the scope names one
     *                         lot that does not exist. A batch or item scope matching nothing is an empty trace.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ, readOnly = true)
    public Trace trace(RecallScope scope) {
        // the snapshot's first statement: its time, and generic plans for the statements that follow. Each trace
        // statement takes its lots as one array parameter; with custom plans PostgreSQL planned every one of them on
        // every execution (1.3 ms for the receipts query that runs in 0.1 ms on 10 M legs, docs/performance.md
        // "Trace speed, profiled"), the generic plan of a prepared statement once per connection. set_config(...,
        // true) is SET LOCAL: it ends with the transaction; in a caller's transaction (a mock recall, the
        // reconciliation) the caller's setting is put back after the trace.
        boolean own = TransactionAspectSupport.currentTransactionStatus().isNewTransaction();
        Object[] first = jdbc.queryForObject(
                "select statement_timestamp(), current_setting('plan_cache_mode'),"
                        + " set_config('plan_cache_mode', 'force_generic_plan', true)",
                (rs, n) -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getString(2)});
        Instant readAt = (Instant) first[0];
        if (own) {
            return read(scope, readAt);
        }
        try {
            return read(scope, readAt);
        } finally {
            restorePlanCacheMode((String) first[1]);
        }
    }

    private void restorePlanCacheMode(String previous) {
        jdbc.queryForObject("select set_config('plan_cache_mode', ?, true)", String.class, previous);
    }

    private Trace read(RecallScope scope, Instant readAt) {
        LotsInScope.ScopeLots lots = resolve(scope);
        List<Long> ids = new ArrayList<>(lots.inScope().keySet());
        if (ids.isEmpty()) {
            return new Trace(readAt, List.of(), true, List.of());
        }
        Map<Long, List<TraceLeg>> legs = ledger.traceLegs(ids).stream()
                .collect(Collectors.groupingBy(TraceLeg::lotId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, List<TraceBalance>> balances = ledger.traceBalances(ids).stream()
                .collect(Collectors.groupingBy(TraceBalance::lotId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, List<ReceivedLine>> received = receipts.of(ids).stream()
                .collect(Collectors.groupingBy(ReceivedLine::lotId, LinkedHashMap::new, Collectors.toList()));
        Set<Long> underHold = openHolds.lotsUnderHold(ids);
        // the catalog (lots, items, suppliers, parents) in one statement and the evidence in one, for all lots
        Map<Long, TracedLot> lotViews = catalog.tracedLots(ids, LotsInScope.MAX_DEPTH);
        Map<String, List<SubjectDecision>> decided =
                decisions.forSubjects("LOT", ids.stream().map(String::valueOf).toList());

        List<Trace.LotTrace> out = new ArrayList<>();
        List<Trace.Event> events = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : lots.inScope().entrySet()) {
            long lotId = e.getKey();
            TracedLot lot = Objects.requireNonNull(lotViews.get(lotId), "lot in scope");
            LotReading t = new LotReading(
                    lot,
                    legs.getOrDefault(lotId, List.of()),
                    balances.getOrDefault(lotId, List.of()),
                    received.getOrDefault(lotId, List.of()),
                    underHold.contains(lotId));
            Trace.LotTrace lt = new Trace.LotTrace(
                    lotId,
                    lot.lotNumber(),
                    lot.internalLabel(),
                    lot.manufacturerBatchRef(),
                    lot.manufacturedOn(),
                    lot.expiresOn(),
                    lot.itemId(),
                    lot.itemSku(),
                    lot.itemName(),
                    lot.baseUom(),
                    lot.supplierId(),
                    lot.supplierCode(),
                    lot.supplierName(),
                    e.getValue(),
                    t.backward(
                            parents(lot.ancestors()),
                            inspections(decided.getOrDefault(String.valueOf(lotId), List.of()))),
                    t.forward(),
                    t.whereabouts(),
                    t.massBalance());
            if (!lt.massBalance().holds()) {
                log.error(
                        "Trace mass balance does not hold for lot {} ({}): difference {}, {}",
                        lotId,
                        lot.internalLabel(),
                        lt.massBalance().difference(),
                        lt.massBalance());
            }
            out.add(lt);
            events.addAll(t.events());
        }
        events.sort(Comparator.comparing(Trace.Event::occurredAt)
                .thenComparing(Trace.Event::lotId)
                .thenComparing(Trace.Event::postingId));
        boolean balanced = out.stream().allMatch(l -> l.massBalance().holds());
        return new Trace(readAt, out, balanced, events);
    }

    /** Every shipment (and its reversals) of every lot in scope, by date: what a notice list starts from. */
    @Transactional(isolation = Isolation.REPEATABLE_READ, readOnly = true)
    public List<ShippedLot> shipmentsOf(RecallScope scope) {
        LotsInScope.ScopeLots lots = resolve(scope);
        List<Long> ids = new ArrayList<>(lots.inScope().keySet());
        return ledger.traceLegs(ids).stream()
                .filter(l -> "SHIPMENT".equals(l.effectiveType()) && "CUSTOMER".equals(l.locationKind()))
                .map(l -> new ShippedLot(
                        l.lotId(),
                        new Trace.Shipment(
                                l.referenceId(),
                                l.customerId(),
                                l.customerCode(),
                                l.customerName(),
                                l.occurredAt(),
                                l.shelfWarehouseCode(),
                                l.quantity(),
                                l.postingId())))
                .sorted(Comparator.comparing((ShippedLot s) -> s.shipment().shippedAt())
                        .thenComparing(s -> s.shipment().postingId()))
                .toList();
    }

    /** A shipment of a lot in scope. */
    public record ShippedLot(long lotId, Trace.Shipment shipment) {}

    private LotsInScope.ScopeLots resolve(RecallScope scope) {
        LotsInScope.ScopeLots lots = scopes.resolve(scope);
        if (scope.lotId() != null && lots.isEmpty()) {
            throw DomainException.notFound(
                    "UNKNOWN_LOT", "Lot " + scope.lotId() + " does not exist.", Map.of("lotId", scope.lotId()));
        }
        return lots;
    }

    /** The lots a lot descends from, nearest first, then by id (as {@link TracedLot#ancestors} come). */
    private static List<Trace.Parent> parents(List<TracedLot.Ancestor> ancestors) {
        return ancestors.stream()
                .map(a -> new Trace.Parent(a.lotId(), a.lotNumber(), a.internalLabel(), a.depth()))
                .toList();
    }

    private static List<Trace.Inspection> inspections(List<SubjectDecision> decided) {
        return decided.stream()
                .map(d -> new Trace.Inspection(
                        d.decidedAt(), d.decision(), d.decidedBy(), d.processInstanceId(), d.activityId()))
                .toList();
    }

    /** One lot's legs and balances, turned into the parts of its trace. Plain Java, no I/O. */
    static final class LotReading {

        private final TracedLot lot;
        private final List<TraceLeg> legs;
        private final List<TraceBalance> balances;
        private final List<ReceivedLine> received;
        private final boolean underHold;

        LotReading(
                TracedLot lot,
                List<TraceLeg> legs,
                List<TraceBalance> balances,
                List<ReceivedLine> received,
                boolean underHold) {
            this.lot = lot;
            this.legs = legs;
            this.balances = balances;
            this.received = received;
            this.underHold = underHold;
        }

        Trace.Backward backward(List<Trace.Parent> parents, List<Trace.Inspection> inspections) {
            List<Trace.Receipt> rs = received.stream()
                    .map(r -> new Trace.Receipt(
                            r.receivedAt(),
                            r.warehouseCode(),
                            r.dockCode(),
                            r.clerk(),
                            r.poNumber(),
                            r.poLine(),
                            r.asnNumber(),
                            r.asnLine(),
                            r.sscc(),
                            r.baseQuantity(),
                            r.reversed(),
                            r.postingId()))
                    .toList();
            List<Trace.Opening> openings = legs.stream()
                    .filter(l -> "OPENING_BALANCE".equals(l.effectiveType()))
                    .map(l -> new Trace.Opening(
                            l.occurredAt(),
                            l.shelfWarehouseCode(),
                            l.shelfLocationCode(),
                            -l.quantity(),
                            l.postingId()))
                    .toList();
            return new Trace.Backward(rs, openings, inspections, parents);
        }

        Trace.Forward forward() {
            List<Trace.Shipment> shipments = new ArrayList<>();
            List<Trace.Return> returns = new ArrayList<>();
            List<Trace.Outflow> scrapped = new ArrayList<>();
            List<Trace.Outflow> rtv = new ArrayList<>();
            List<Trace.Outflow> samples = new ArrayList<>();
            for (TraceLeg l : legs) {
                switch (kindOf(l)) {
                    case "SHIPMENT" ->
                        shipments.add(new Trace.Shipment(
                                l.referenceId(),
                                l.customerId(),
                                l.customerCode(),
                                l.customerName(),
                                l.occurredAt(),
                                l.shelfWarehouseCode(),
                                l.quantity(),
                                l.postingId()));
                    case "RETURN" ->
                        returns.add(new Trace.Return(
                                l.customerId(),
                                l.customerCode(),
                                l.customerName(),
                                l.occurredAt(),
                                l.shelfLocationCode(),
                                -l.quantity(),
                                l.postingId()));
                    case "SCRAP" -> scrapped.add(outflow(l));
                    case "RETURN_TO_VENDOR" -> rtv.add(outflow(l));
                    case "QA_SAMPLE" -> samples.add(outflow(l));
                    default -> {}
                }
            }
            return new Trace.Forward(shipments, transfers(), returns, scrapped, rtv, samples);
        }

        private static Trace.Outflow outflow(TraceLeg l) {
            return new Trace.Outflow(
                    l.occurredAt(),
                    l.shelfLocationCode(),
                    l.warehouseCode(),
                    l.actor(),
                    l.referenceType(),
                    l.referenceId(),
                    l.quantity(),
                    l.postingId());
        }

        /** What a leg is, for the forward view: the effective type at the kind of location it belongs to. */
        private static String kindOf(TraceLeg l) {
            String t = l.effectiveType();
            return switch (l.locationKind()) {
                case "CUSTOMER" -> "RETURN".equals(t) ? "RETURN" : "SHIPMENT".equals(t) ? "SHIPMENT" : "OTHER";
                case "SCRAP" -> "SCRAP";
                case "QA_SAMPLE" -> "QA_SAMPLE";
                case "SUPPLIER" -> "RETURN_TO_VENDOR".equals(t) ? "RETURN_TO_VENDOR" : "RECEIPT";
                default -> "OTHER";
            };
        }

        List<Trace.Transfer> transfers() {
            Map<String, long[]> sums = new TreeMap<>();
            Map<String, TraceLeg> first = new HashMap<>();
            Map<String, Instant[]> times = new HashMap<>();
            for (TraceLeg l : legs) {
                if (!"IN_TRANSIT".equals(l.locationKind()) || "STATUS_CHANGE".equals(l.effectiveType())) {
                    continue;
                }
                String key = l.locationId() + "|" + l.referenceType() + "|" + l.referenceId();
                long[] s = sums.computeIfAbsent(key, k -> new long[3]);
                first.putIfAbsent(key, l);
                Instant[] ts = times.computeIfAbsent(key, k -> new Instant[2]);
                switch (l.effectiveType()) {
                    case "TRANSFER_OUT" -> {
                        s[0] += l.quantity();
                        if (ts[0] == null && !l.reversal()) {
                            ts[0] = l.occurredAt();
                        }
                    }
                    case "TRANSFER_IN" -> {
                        s[1] -= l.quantity();
                        if (!l.reversal()) {
                            ts[1] = l.occurredAt();
                        }
                    }
                    default -> s[2] -= l.quantity();
                }
            }
            List<Trace.Transfer> out = new ArrayList<>();
            sums.forEach((key, s) -> {
                TraceLeg l = first.get(key);
                // postings cite a transfer by its order number (TRANSFER_ORDER, TO-…): no lookup needed
                out.add(new Trace.Transfer(
                        l.referenceId(),
                        l.warehouseCode(),
                        l.destinationWarehouseCode(),
                        times.get(key)[0],
                        times.get(key)[1],
                        s[0],
                        s[1],
                        s[2],
                        s[0] - s[1] - s[2]));
            });
            out.sort(Comparator.comparing(
                    Trace.Transfer::firstShippedAt, Comparator.nullsLast(Comparator.naturalOrder())));
            return out;
        }

        Trace.Whereabouts whereabouts() {
            List<Trace.OnHand> onHand = new ArrayList<>();
            Map<Long, long[]> customers = new LinkedHashMap<>();
            Map<Long, String> customerCodes = new HashMap<>();
            boolean travelsHeld = false;
            for (TraceBalance b : balances) {
                switch (b.locationKind()) {
                    case "PHYSICAL" ->
                        onHand.add(new Trace.OnHand(
                                b.warehouseCode(),
                                b.locationCode(),
                                b.status(),
                                b.quantity(),
                                b.reserved(),
                                "SHIPPING".equals(b.zoneType())));
                    case "CUSTOMER" -> {
                        customers.computeIfAbsent(b.customerId(), k -> new long[1])[0] += b.quantity();
                        customerCodes.put(b.customerId(), b.customerCode());
                    }
                    case "IN_TRANSIT" -> travelsHeld |= "HOLD".equals(b.status());
                    default -> {}
                }
            }
            boolean landsInHold = underHold || travelsHeld;
            List<Trace.InTransit> inTransit = transfers().stream()
                    .filter(t -> t.inTransit() != 0)
                    .map(t -> new Trace.InTransit(
                            t.orderNumber(), t.fromWarehouse(), t.toWarehouse(), t.inTransit(), landsInHold))
                    .toList();
            List<Trace.AtCustomer> atCustomers = new ArrayList<>();
            customers.forEach((id, q) -> atCustomers.add(new Trace.AtCustomer(id, customerCodes.get(id), q[0])));
            return new Trace.Whereabouts(onHand, inTransit, atCustomers);
        }

        Trace.MassBalance massBalance() {
            long receivedQ = 0;
            long opened = 0;
            long relabelledIn = 0;
            long relabelledOut = 0;
            long adjustedOut = 0;
            long rtv = 0;
            for (TraceLeg l : legs) {
                String t = l.effectiveType();
                switch (l.locationKind()) {
                    case "SUPPLIER" -> {
                        if ("RETURN_TO_VENDOR".equals(t)) {
                            rtv += l.quantity();
                        } else {
                            receivedQ -= l.quantity();
                        }
                    }
                    case "ADJUSTMENT" -> {
                        if ("OPENING_BALANCE".equals(t)) {
                            opened -= l.quantity();
                        } else if ("RELABEL".equals(t)) {
                            if (l.quantity() < 0) {
                                relabelledIn -= l.quantity();
                            } else {
                                relabelledOut += l.quantity();
                            }
                        } else {
                            adjustedOut += l.quantity();
                        }
                    }
                    default -> {}
                }
            }
            long onHand = sum("PHYSICAL");
            long inTransit = sum("IN_TRANSIT");
            long atCustomers = sum("CUSTOMER");
            long scrapped = sum("SCRAP");
            long sampled = sum("QA_SAMPLE");
            long left = receivedQ + opened + relabelledIn;
            long right = onHand + inTransit + atCustomers + scrapped + rtv + sampled + relabelledOut + adjustedOut;
            long perReceipts = received.stream()
                    .filter(r -> !r.reversed())
                    .mapToLong(ReceivedLine::baseQuantity)
                    .sum();
            List<String> problems = new ArrayList<>();
            if (left != right) {
                problems.add(
                        "in (" + left + ") differs from where it is and went (" + right + ") by " + (left - right));
            }
            if (perReceipts != receivedQ) {
                problems.add("the receipt lines say " + perReceipts + " received, the ledger " + receivedQ);
            }
            return new Trace.MassBalance(
                    receivedQ,
                    opened,
                    relabelledIn,
                    onHand,
                    inTransit,
                    atCustomers,
                    scrapped,
                    rtv,
                    sampled,
                    relabelledOut,
                    adjustedOut,
                    left - right,
                    perReceipts,
                    problems.isEmpty(),
                    List.copyOf(problems));
        }

        private long sum(String kind) {
            return balances.stream()
                    .filter(b -> kind.equals(b.locationKind()))
                    .mapToLong(TraceBalance::quantity)
                    .sum();
        }

        /** One CSV row per event: every boundary leg but the second leg of a loss in transit and holds in transit. */
        List<Trace.Event> events() {
            Map<Long, ReceivedLine> byPosting = new HashMap<>();
            received.forEach(r -> byPosting.put(r.postingId(), r));
            List<Trace.Event> out = new ArrayList<>();
            for (TraceLeg l : legs) {
                String t = l.effectiveType();
                if ("STATUS_CHANGE".equals(t) || ("IN_TRANSIT".equals(l.locationKind()) && "ADJUSTMENT".equals(t))) {
                    continue;
                }
                String shelf = l.shelfLocationCode() == null
                        ? ("ADJUSTMENT".equals(t) ? "IN_TRANSIT" : null)
                        : l.shelfWarehouseCode() + "/" + l.shelfLocationCode();
                String outside = outside(l);
                boolean out_ = l.quantity() > 0;
                String docType = l.referenceType();
                String docNumber = l.referenceId();
                ReceivedLine r = byPosting.get(l.postingId());
                if (r != null) {
                    docType = r.asnNumber() != null ? "PO/ASN" : "PO";
                    docNumber = r.poNumber() + "-" + r.poLine()
                            + (r.asnNumber() != null
                                    ? "/" + r.asnNumber() + "-" + Objects.toString(r.asnLine(), "")
                                    : "");
                }
                out.add(new Trace.Event(
                        l.occurredAt(),
                        t + (l.reversal() ? "_REVERSED" : ""),
                        lot.id(),
                        lot.lotNumber(),
                        lot.internalLabel(),
                        lot.itemSku(),
                        lot.itemName(),
                        Math.abs(l.quantity()),
                        lot.baseUom(),
                        out_ ? shelf : outside,
                        out_ ? outside : shelf,
                        docType,
                        docNumber,
                        l.postingId()));
            }
            return out;
        }

        private static String outside(TraceLeg l) {
            return switch (l.locationKind()) {
                case "CUSTOMER" -> "CUSTOMER:" + l.customerCode();
                case "SUPPLIER" -> "SUPPLIER:" + l.supplierCode();
                case "IN_TRANSIT" -> "TRANSIT:" + l.warehouseCode() + ">" + l.destinationWarehouseCode();
                default -> l.locationKind() + ":" + l.warehouseCode();
            };
        }
    }
}
