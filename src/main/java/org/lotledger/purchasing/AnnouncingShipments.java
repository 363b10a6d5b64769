package org.lotledger.purchasing;

import static org.lotledger.purchasing.PurchasingRules.onLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.CatalogSpecs;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.partner.SupplierView;
import org.lotledger.common.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what a supplier says it shipped against one of its open purchase orders. Checked in full before the first
 * row is written; one transaction. The purchase order is locked while the ASN is written, so a cancellation running
 * at the same time either sees the new ASN (and cancels it too) or has already closed the order to it.
 *
 * <p>Somewhat over 300 lines (formatted): the ASN's checks, written before anything is stored, read in order; a split
 * would separate the checks from the one transaction they guard.
 */
@Service
public class AnnouncingShipments {

    public static final String ENTITY = "ADVANCE_SHIP_NOTICE";

    private final AdvanceShipNotices notices;
    private final AsnLines asnLines;
    private final AsnSsccs ssccs;
    private final PurchaseOrders orders;
    private final PurchaseOrderLines poLines;
    private final CatalogQueries catalog;
    private final CatalogAuditLog audit;

    public AnnouncingShipments(
            AdvanceShipNotices notices,
            AsnLines asnLines,
            AsnSsccs ssccs,
            PurchaseOrders orders,
            PurchaseOrderLines poLines,
            CatalogQueries catalog,
            CatalogAuditLog audit) {
        this.notices = notices;
        this.asnLines = asnLines;
        this.ssccs = ssccs;
        this.orders = orders;
        this.poLines = poLines;
        this.catalog = catalog;
        this.audit = audit;
    }

    private record CheckedLine(
            int lineNumber,
            PurchaseOrderLine poLine,
            AnnouncedLot lot,
            BigDecimal quantity,
            String uom,
            long baseQuantity,
            Sscc sscc) {}

    @Transactional
    public AsnView announce(AsnDraft draft, String actor) {
        SupplierView supplier = PurchasingRules.supplier(catalog, draft.supplierId());
        String asnNumber = draft.asnNumber().trim().toUpperCase();
        if (notices.existsBySupplierIdAndAsnNumber(supplier.id(), asnNumber)) {
            throw asnNumberTaken(supplier, asnNumber);
        }
        PurchaseOrder order = lockReferencedOrder(draft);
        if (!order.getSupplierId().equals(supplier.id())) {
            throw DomainException.unprocessable(
                    "ASN_SUPPLIER_MISMATCH",
                    "Purchase order " + order.getPoNumber() + " was not placed with supplier " + supplier.code(),
                    Map.of(
                            "supplierId",
                            supplier.id(),
                            "purchaseOrderId",
                            order.getId(),
                            "purchaseOrderSupplierId",
                            order.getSupplierId()));
        }
        order.requireOpen();

        List<PurchaseOrderLine> onOrder = poLines.findByPurchaseOrderIdOrderByLineNumberAsc(order.getId());
        Map<Long, ItemView> items = new HashMap<>();
        List<CheckedLine> checked = new ArrayList<>();
        Map<String, Sscc> newSsccs = new LinkedHashMap<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            int n = i + 1;
            AsnDraft.Line line = draft.lines().get(i);
            PurchaseOrderLine poLine = poLineFor(n, line, order, onOrder);
            ItemView item = items.computeIfAbsent(poLine.getItemId(), id -> PurchasingRules.activeItem(catalog, n, id));
            AnnouncedLot lot = AnnouncedLot.check(
                    n,
                    new AnnouncedLot.LotRules(
                            item.sku(), item.lotControlled(), item.expiryRequired(), item.bestBeforeAsExpiry()),
                    line.lotNumber(),
                    line.manufacturerBatchRef(),
                    line.manufacturedOn(),
                    line.expiresOn(),
                    line.bestBeforeOn());
            long base = onLine(n, () -> catalog.toBaseUnits(item.id(), line.quantity(), line.uom()));
            Sscc sscc = line.sscc() == null || line.sscc().isBlank() ? null : onLine(n, () -> Sscc.parse(line.sscc()));
            if (sscc != null) {
                ssccs.findById(sscc.value()).ifPresent(taken -> {
                    throw ssccTaken(n, sscc, taken.getAdvanceShipNoticeId());
                });
                newSsccs.put(sscc.value(), sscc);
            }
            checked.add(new CheckedLine(
                    n, poLine, lot, line.quantity(), line.uom().trim().toUpperCase(), base, sscc));
        }

        AdvanceShipNotice asn = new AdvanceShipNotice(
                asnNumber, order.getId(), supplier.id(), draft.shippedOn(), draft.expectedOn(), actor);
        try {
            notices.saveAndFlush(asn);
            newSsccs.values().forEach(s -> ssccs.save(new AsnSscc(s, asn.getId())));
            ssccs.flush();
        } catch (DataIntegrityViolationException e) {
            // a concurrent ASN took the number or an SSCC between our checks and our insert
            String constraint = PurchasingRules.constraintOf(e);
            if (constraint.equals("advance_ship_notice_number_unique")) {
                throw asnNumberTaken(supplier, asnNumber);
            }
            if (constraint.equals("asn_sscc_pkey")) {
                throw DomainException.conflict(
                        "SSCC_TAKEN",
                        "An SSCC of this ASN is already announced on another ASN",
                        Map.of("ssccs", List.copyOf(newSsccs.keySet())));
            }
            throw e;
        }
        for (CheckedLine c : checked) {
            asnLines.save(new AsnLine(
                    asn.getId(),
                    c.lineNumber(),
                    c.poLine().getId(),
                    c.poLine().getItemId(),
                    c.lot(),
                    c.quantity(),
                    c.uom(),
                    c.baseQuantity(),
                    c.sscc()));
        }
        asnLines.flush();
        AsnView view = view(asn);
        audit.created(ENTITY, asn.getId(), view, actor);
        return view;
    }

    @Transactional(readOnly = true)
    public AsnView get(long id) {
        return view(notices.findById(id)
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_ADVANCE_SHIP_NOTICE",
                        "Advance ship notice " + id + " does not exist",
                        Map.of("advanceShipNoticeId", id))));
    }

    @Transactional(readOnly = true)
    public List<AsnView> forPurchaseOrder(long purchaseOrderId) {
        if (!orders.existsById(purchaseOrderId)) {
            throw PurchaseOrderQueries.notFound(purchaseOrderId);
        }
        return notices.findByPurchaseOrderIdOrderByIdAsc(purchaseOrderId).stream()
                .map(this::view)
                .toList();
    }

    /** Filters: supplier, status, and an SSCC (what receiving has in hand when it scans a pallet label). */
    @Transactional(readOnly = true)
    public List<AsnView> list(Long supplierId, AsnStatus status, String sscc) {
        Specification<AdvanceShipNotice> spec = Specification.<AdvanceShipNotice>where(
                        CatalogSpecs.eq("supplierId", supplierId))
                .and(CatalogSpecs.eq("status", status));
        if (sscc != null && !sscc.isBlank()) {
            Long asnId = ssccs.findById(sscc.replace(" ", "").trim())
                    .map(AsnSscc::getAdvanceShipNoticeId)
                    .orElse(-1L);
            spec = spec.and(CatalogSpecs.eq("id", asnId));
        }
        return notices.findAll(spec, Sort.by("id")).stream().map(this::view).toList();
    }

    private PurchaseOrder lockReferencedOrder(AsnDraft draft) {
        String number = draft.purchaseOrderNumber() == null
                        || draft.purchaseOrderNumber().isBlank()
                ? null
                : draft.purchaseOrderNumber().trim().toUpperCase();
        if (draft.purchaseOrderId() == null && number == null) {
            throw new DomainException(
                    "PO_REFERENCE_REQUIRED",
                    DomainException.Kind.BAD_REQUEST,
                    "An ASN names its purchase order: purchaseOrderId or purchaseOrderNumber");
        }
        long id = draft.purchaseOrderId() != null
                ? draft.purchaseOrderId()
                : orders.findByPoNumber(number)
                        .map(PurchaseOrder::getId)
                        .orElseThrow(() -> DomainException.notFound(
                                "UNKNOWN_PURCHASE_ORDER",
                                "Purchase order " + number + " does not exist",
                                Map.of("poNumber", number)));
        PurchaseOrder order = orders.lockById(id).orElseThrow(() -> PurchaseOrderQueries.notFound(id));
        if (number != null && !order.getPoNumber().equals(number)) {
            throw DomainException.unprocessable(
                    "PO_REFERENCE_MISMATCH",
                    "purchaseOrderId " + id + " is order " + order.getPoNumber() + ", not " + number,
                    Map.of("purchaseOrderId", id, "poNumber", number));
        }
        return order;
    }

    /** The order line an ASN line is for: by its line number, or the one line of the order with that item. */
    private static PurchaseOrderLine poLineFor(
            int n, AsnDraft.Line line, PurchaseOrder order, List<PurchaseOrderLine> onOrder) {
        List<PurchaseOrderLine> candidates = onOrder.stream()
                .filter(l -> l.getItemId().equals(line.itemId()))
                .filter(l -> line.poLineNumber() == null || l.getLineNumber() == line.poLineNumber())
                .toList();
        if (candidates.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("line", n);
            details.put("itemId", line.itemId());
            details.put("purchaseOrderId", order.getId());
            if (line.poLineNumber() != null) {
                details.put("poLineNumber", line.poLineNumber());
            }
            throw DomainException.unprocessable(
                    "ITEM_NOT_ON_PO",
                    "Line " + n + ": item " + line.itemId()
                            + " is not on "
                            + (line.poLineNumber() == null ? "" : "line " + line.poLineNumber() + " of ")
                            + "purchase order " + order.getPoNumber(),
                    details);
        }
        if (candidates.size() > 1) {
            throw DomainException.unprocessable(
                    "PO_LINE_AMBIGUOUS",
                    "Line " + n + ": item " + line.itemId() + " is on several lines of purchase order "
                            + order.getPoNumber() + "; give poLineNumber",
                    Map.of(
                            "line",
                            n,
                            "poLineNumbers",
                            candidates.stream()
                                    .map(PurchaseOrderLine::getLineNumber)
                                    .toList()));
        }
        PurchaseOrderLine poLine = candidates.get(0);
        onLine(n, () -> {
            poLine.requireOpen();
            return poLine;
        });
        return poLine;
    }

    private AsnView view(AdvanceShipNotice asn) {
        String poNumber = orders.findById(asn.getPurchaseOrderId())
                .map(PurchaseOrder::getPoNumber)
                .orElse(null);
        Map<Long, Optional<ItemView>> items = new HashMap<>();
        Map<Long, Integer> poLineNumbers = new HashMap<>();
        poLines.findByPurchaseOrderIdOrderByLineNumberAsc(asn.getPurchaseOrderId())
                .forEach(l -> poLineNumbers.put(l.getId(), l.getLineNumber()));
        List<AsnView.Line> lines = asnLines.findByAdvanceShipNoticeIdOrderByLineNumberAsc(asn.getId()).stream()
                .map(l -> new AsnView.Line(
                        l.getId(),
                        l.getLineNumber(),
                        l.getPurchaseOrderLineId(),
                        poLineNumbers.getOrDefault(l.getPurchaseOrderLineId(), 0),
                        l.getItemId(),
                        items.computeIfAbsent(l.getItemId(), catalog::findItem)
                                .map(ItemView::sku)
                                .orElse(null),
                        l.getLotNumber(),
                        l.getManufacturerBatchRef(),
                        l.getManufacturedOn(),
                        l.getExpiresOn(),
                        l.getBestBeforeOn(),
                        l.getQuantity(),
                        l.getUom(),
                        l.getBaseQuantity(),
                        l.getSscc()))
                .toList();
        return new AsnView(
                asn.getId(),
                asn.getAsnNumber(),
                asn.getSupplierId(),
                asn.getPurchaseOrderId(),
                poNumber,
                asn.getShippedOn(),
                asn.getExpectedOn(),
                asn.getStatus(),
                asn.getCreatedBy(),
                lines,
                asn.getVersion(),
                asn.getCreatedAt(),
                asn.getUpdatedAt());
    }

    private static DomainException asnNumberTaken(SupplierView supplier, String asnNumber) {
        return DomainException.conflict(
                "ASN_NUMBER_TAKEN",
                "Supplier " + supplier.code() + " already sent ASN " + asnNumber,
                Map.of("supplierId", supplier.id(), "asnNumber", asnNumber));
    }

    private static DomainException ssccTaken(int line, Sscc sscc, long asnId) {
        return DomainException.conflict(
                "SSCC_TAKEN",
                "Line " + line + ": SSCC " + sscc.value() + " is already announced on ASN " + asnId,
                Map.of("line", line, "sscc", sscc.value(), "advanceShipNoticeId", asnId));
    }
}
