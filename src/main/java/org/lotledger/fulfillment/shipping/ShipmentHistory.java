package org.lotledger.fulfillment.shipping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.catalog.partner.CustomerService;
import org.lotledger.catalog.partner.CustomerView;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.LedgerQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lot-level shipment history (issue 9 §8): which lots went to which customer, read from the ledger's legs at
 * customer locations ({@link LedgerQueries#customerLegs}) and joined with the shipments that posted them. One row
 * per posting, lot and customer; the totals per customer and lot are that customer location's balance of the lot.
 */
@Service
public class ShipmentHistory {

    /** {@code shipped} from SHIPMENT (and reversals of one), {@code returned} from RETURN; net = shipped − returned. */
    public record Row(
            String shipmentNumber,
            Long shipmentId,
            long postingId,
            String postingType,
            Instant occurredAt,
            long customerId,
            String customerCode,
            long lotId,
            String lotNumber,
            String internalLabel,
            long itemId,
            long shipped,
            long returned,
            long net) {}

    public record Total(
            long customerId,
            String customerCode,
            long lotId,
            String lotNumber,
            long shipped,
            long returned,
            long net) {}

    public record History(List<Row> rows, List<Total> totals) {}

    static final List<String> CSV_HEADER = List.of(
            "shipment_number",
            "posting_id",
            "posting_type",
            "occurred_at",
            "customer_code",
            "lot_number",
            "internal_label",
            "shipped",
            "returned",
            "net");

    private final LedgerQueries ledger;
    private final ShipmentRows shipments;
    private final CatalogQueries catalog;
    private final CustomerService customers;

    ShipmentHistory(LedgerQueries ledger, ShipmentRows shipments, CatalogQueries catalog, CustomerService customers) {
        this.ledger = ledger;
        this.shipments = shipments;
        this.catalog = catalog;
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    public History ofLot(long lotId) {
        if (catalog.findLot(lotId).isEmpty()) {
            throw DomainException.notFound("UNKNOWN_LOT", "Lot " + lotId + " does not exist.", Map.of("lotId", lotId));
        }
        return history(lotId, null, null, null, null);
    }

    /** {@code lot} by id or internal label; {@code from} and {@code to} inclusive days (UTC). */
    @Transactional(readOnly = true)
    public History ofCustomer(long customerId, Long itemId, String lot, LocalDate from, LocalDate to) {
        customers.get(customerId);
        Long lotId = null;
        if (lot != null && !lot.isBlank()) {
            lotId = catalog.findLotByIdOrLabel(lot.trim())
                    .map(LotView::id)
                    .orElseThrow(
                            () -> DomainException.notFound("UNKNOWN_LOT", "No lot " + lot + ".", Map.of("lot", lot)));
        }
        if (itemId != null && catalog.findItem(itemId).isEmpty()) {
            throw DomainException.notFound(
                    "UNKNOWN_ITEM", "Item " + itemId + " does not exist.", Map.of("itemId", itemId));
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.unprocessable(
                    "INVALID_DATE_RANGE", "from " + from + " is after to " + to + ".", Map.of());
        }
        return history(
                lotId,
                customerId,
                itemId,
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private History history(Long lotId, Long customerId, Long itemId, Instant from, Instant to) {
        List<LedgerQueries.CustomerLeg> legs = ledger.customerLegs(lotId, customerId, itemId, from, to);
        Map<Long, ShipmentRows.Header> byPosting = new HashMap<>();
        List<Long> postingIds = new ArrayList<>();
        legs.forEach(l -> {
            postingIds.add(l.postingId());
            if (l.reversesPostingId() != null) {
                postingIds.add(l.reversesPostingId());
            }
        });
        shipments.byPostings(postingIds.stream().distinct().toList()).forEach(h -> byPosting.put(h.postingId(), h));
        Map<String, ShipmentRows.Header> byNumber = new HashMap<>();
        shipments
                .byNumbers(legs.stream()
                        .filter(l -> "SHIPMENT".equals(l.referenceType()) && l.referenceId() != null)
                        .map(LedgerQueries.CustomerLeg::referenceId)
                        .distinct()
                        .toList())
                .forEach(h -> byNumber.put(h.number(), h));
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, Total> totals = new LinkedHashMap<>();
        Map<Long, CustomerView> customerCache = new HashMap<>();
        Map<Long, LotView> lotCache = new HashMap<>();
        for (LedgerQueries.CustomerLeg l : legs) {
            ShipmentRows.Header s = byPosting.get(l.postingId());
            if (s == null && l.reversesPostingId() != null) {
                s = byPosting.get(l.reversesPostingId());
            }
            if (s == null && "SHIPMENT".equals(l.referenceType())) {
                s = byNumber.get(l.referenceId());
            }
            long shipped = l.postingType().equals("RETURN")
                            || (l.postingType().equals("REVERSAL") && l.quantity() > 0 && s == null)
                    ? 0
                    : l.quantity();
            long returned = shipped == 0 ? -l.quantity() : 0;
            CustomerView c = customerCache.computeIfAbsent(l.customerId(), customers::get);
            LotView lot = lotCache.computeIfAbsent(
                    l.lotId(), id -> catalog.findLot(id).orElseThrow());
            String key = l.postingId() + ":" + l.lotId() + ":" + l.customerId();
            ShipmentRows.Header shipment = s;
            Row before = rows.get(key);
            rows.put(
                    key,
                    new Row(
                            shipment == null ? null : shipment.number(),
                            shipment == null ? null : shipment.id(),
                            l.postingId(),
                            l.postingType(),
                            l.occurredAt(),
                            l.customerId(),
                            c.code(),
                            l.lotId(),
                            lot.lotNumber(),
                            lot.internalLabel(),
                            l.itemId(),
                            shipped + (before == null ? 0 : before.shipped()),
                            returned + (before == null ? 0 : before.returned()),
                            l.quantity() + (before == null ? 0 : before.net())));
            String tkey = l.customerId() + ":" + l.lotId();
            Total t = totals.get(tkey);
            totals.put(
                    tkey,
                    new Total(
                            l.customerId(),
                            c.code(),
                            l.lotId(),
                            lot.lotNumber(),
                            shipped + (t == null ? 0 : t.shipped()),
                            returned + (t == null ? 0 : t.returned()),
                            l.quantity() + (t == null ? 0 : t.net())));
        }
        return new History(List.copyOf(rows.values()), List.copyOf(totals.values()));
    }

    public String csv(History h) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : h.rows()) {
            rows.add(java.util.Arrays.asList(
                    r.shipmentNumber(),
                    r.postingId(),
                    r.postingType(),
                    r.occurredAt(),
                    r.customerCode(),
                    r.lotNumber(),
                    r.internalLabel(),
                    r.shipped(),
                    r.returned(),
                    r.net()));
        }
        return Csv.of(CSV_HEADER, rows);
    }
}
