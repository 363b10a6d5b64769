package org.lotledger.recall;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lotledger.catalog.Address;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.GtinAssignment;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.lot.LotView;
import org.lotledger.catalog.partner.CustomerService;
import org.lotledger.catalog.partner.CustomerView;
import org.lotledger.catalog.partner.RecallContact;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.LedgerQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recall's customer notice list (issue 11 §3): per customer and lot in scope, whom to notify (ship-to address,
 * GLN, recall contact), what (item, GTIN, lot, batch, expiry), every shipment of it (number, date, quantity), what
 * came back so far and what is still out there. Read from the ledger's legs at customer locations
 * ({@link LedgerQueries#customerLegs}, the source of the fulfilment's shipment history), in one REPEATABLE READ
 * snapshot, and only once the recall's holds are placed (409 {@code RECALL_HOLDS_NOT_PLACED} before): a shipment
 * that races the hold either committed before it — and is on the list — or is refused, as held stock is not
 * shippable.
 */
@Service
public class RecallNotices {

    @Schema(name = "RecallNoticeShipment")
    public record Shipment(
            String shipmentNumber, long postingId, String postingType, Instant shippedAt, long quantity) {}

    @Schema(name = "RecallNotice")
    public record Notice(
            long customerId,
            String customerCode,
            String customerName,
            String customerType,
            Address shipTo,
            String gln,
            RecallContact recallContact,
            long itemId,
            String sku,
            String itemName,
            String gtin,
            long lotId,
            String lotNumber,
            String internalLabel,
            String batchRef,
            LocalDate expiresOn,
            List<Shipment> shipments,
            long shipped,
            long returned,
            long outstanding) {}

    @Schema(name = "RecallNoticeList")
    public record NoticeList(
            long recallId, String recallNumber, RecallStatus status, Instant holdsPlacedAt, List<Notice> notices) {}

    static final List<String> CSV_HEADER = List.of(
            "recall",
            "customer_code",
            "customer_name",
            "ship_to",
            "gln",
            "recall_contact",
            "recall_email",
            "recall_phone",
            "sku",
            "item_name",
            "gtin",
            "lot_number",
            "internal_label",
            "batch_ref",
            "expires_on",
            "shipment_number",
            "shipped_at",
            "quantity",
            "customer_shipped",
            "customer_returned",
            "customer_outstanding");

    private final Recalls recalls;
    private final LedgerQueries ledger;
    private final CatalogQueries catalog;
    private final CustomerService customers;

    RecallNotices(Recalls recalls, LedgerQueries ledger, CatalogQueries catalog, CustomerService customers) {
        this.recalls = recalls;
        this.ledger = ledger;
        this.catalog = catalog;
        this.customers = customers;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public NoticeList of(long recallId) {
        Recalls.Row r = recalls.get(recallId);
        if (r.status() == RecallStatus.OPEN) {
            throw DomainException.conflict(
                    "RECALL_HOLDS_NOT_PLACED",
                    "Recall " + r.number() + " is still placing its holds; its notice list is read once every lot"
                            + " is held, so no shipment can slip past it.",
                    Map.of("recall", r.number()));
        }
        List<Notice> notices = forLots(
                recalls.lots(recallId).stream().map(RecallView.Lot::lotId).toList());
        return new NoticeList(r.id(), r.number(), r.status(), r.holdsPlacedAt(), List.copyOf(notices));
    }

    /**
     * The notices of these lots, by customer code and lot: the one computation behind a recall's notice list and a
     * mock recall's (ADR 0018), which has no recall row. Joins the caller's transaction (and its snapshot).
     */
    List<Notice> forLots(Collection<Long> lotIds) {
        // the legs of every lot first, then every customer they name in one read (not one per customer)
        Map<Long, Map<Long, List<LedgerQueries.CustomerLeg>>> legsByLot = new LinkedHashMap<>();
        java.util.Set<Long> customerIds = new java.util.HashSet<>();
        for (long lotId : lotIds) {
            Map<Long, List<LedgerQueries.CustomerLeg>> byCustomer = new LinkedHashMap<>();
            for (LedgerQueries.CustomerLeg leg : ledger.customerLegs(lotId, null, null, null, null)) {
                byCustomer
                        .computeIfAbsent(leg.customerId(), c -> new ArrayList<>())
                        .add(leg);
                customerIds.add(leg.customerId());
            }
            legsByLot.put(lotId, byCustomer);
        }
        Map<Long, CustomerView> customerViews = customers.getAll(customerIds);
        List<Notice> notices = new ArrayList<>();
        for (var lotLegs : legsByLot.entrySet()) {
            LotView lot = catalog.findLot(lotLegs.getKey()).orElseThrow();
            ItemView item = catalog.findItem(lot.itemId()).orElseThrow();
            for (var e : lotLegs.getValue().entrySet()) {
                CustomerView c = Objects.requireNonNull(customerViews.get(e.getKey()), "customer of a leg");
                List<Shipment> shipments = new ArrayList<>();
                long shipped = 0;
                long returned = 0;
                for (LedgerQueries.CustomerLeg leg : e.getValue()) {
                    // as the shipment history counts: RETURN (and the reversal of one) is returned, the rest shipped
                    boolean back = leg.postingType().equals("RETURN")
                            || (leg.postingType().equals("REVERSAL") && leg.quantity() > 0 && !shipmentRef(leg));
                    if (back) {
                        returned -= leg.quantity();
                    } else {
                        shipped += leg.quantity();
                        shipments.add(new Shipment(
                                shipmentRef(leg) ? leg.referenceId() : null,
                                leg.postingId(),
                                leg.postingType(),
                                leg.occurredAt(),
                                leg.quantity()));
                    }
                }
                notices.add(new Notice(
                        c.id(),
                        c.code(),
                        c.name(),
                        c.customerType() == null ? null : c.customerType().name(),
                        c.shipTo(),
                        c.gln(),
                        c.recallContact(),
                        item.id(),
                        item.sku(),
                        item.name(),
                        gtin(item),
                        lot.id(),
                        lot.lotNumber(),
                        lot.internalLabel(),
                        lot.manufacturerBatchRef(),
                        lot.expiresOn(),
                        List.copyOf(shipments),
                        shipped,
                        returned,
                        shipped - returned));
            }
        }
        notices.sort(java.util.Comparator.comparing(Notice::customerCode).thenComparing(Notice::lotId));
        return List.copyOf(notices);
    }

    /** One CSV row per shipment (a notice without shipments still gets one row), RFC 4180. */
    public String csv(NoticeList list) {
        StringBuilder sb = new StringBuilder();
        line(sb, new ArrayList<>(CSV_HEADER));
        for (Notice n : list.notices()) {
            List<Shipment> rows = n.shipments().isEmpty() ? Arrays.asList((Shipment) null) : n.shipments();
            for (Shipment s : rows) {
                line(
                        sb,
                        Arrays.asList(
                                list.recallNumber(),
                                n.customerCode(),
                                n.customerName(),
                                address(n.shipTo()),
                                n.gln(),
                                n.recallContact() == null
                                        ? null
                                        : n.recallContact().name(),
                                n.recallContact() == null
                                        ? null
                                        : n.recallContact().email(),
                                n.recallContact() == null
                                        ? null
                                        : n.recallContact().phone(),
                                n.sku(),
                                n.itemName(),
                                n.gtin(),
                                n.lotNumber(),
                                n.internalLabel(),
                                n.batchRef(),
                                n.expiresOn(),
                                s == null ? null : s.shipmentNumber(),
                                s == null ? null : s.shippedAt(),
                                s == null ? null : s.quantity(),
                                n.shipped(),
                                n.returned(),
                                n.outstanding()));
            }
        }
        return sb.toString();
    }

    private static boolean shipmentRef(LedgerQueries.CustomerLeg leg) {
        return "SHIPMENT".equals(leg.referenceType()) && leg.referenceId() != null;
    }

    private static String gtin(ItemView item) {
        if (item.gtins() == null || item.gtins().isEmpty()) {
            return null;
        }
        return item.gtins().stream()
                .filter(g -> g.uom().equals(item.baseUom()))
                .map(GtinAssignment::gtin)
                .findFirst()
                .orElse(item.gtins().get(0).gtin());
    }

    private static String address(Address a) {
        if (a == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(a.line1());
        if (a.line2() != null && !a.line2().isBlank()) {
            sb.append(", ").append(a.line2());
        }
        sb.append(", ");
        if (a.postalCode() != null && !a.postalCode().isBlank()) {
            sb.append(a.postalCode()).append(' ');
        }
        sb.append(a.city());
        if (a.region() != null && !a.region().isBlank()) {
            sb.append(", ").append(a.region());
        }
        return sb.append(", ").append(a.country()).toString();
    }

    private static void line(StringBuilder sb, List<Object> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String s = fields.get(i) == null ? "" : fields.get(i).toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            sb.append(s);
        }
        sb.append("\r\n");
    }
}
