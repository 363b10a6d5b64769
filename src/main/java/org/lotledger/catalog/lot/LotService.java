package org.lotledger.catalog.lot;

import static org.lotledger.catalog.CatalogSpecs.eq;
import static org.lotledger.catalog.CatalogSpecs.eqIgnoreCase;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.item.Item;
import org.lotledger.catalog.item.ItemService;
import org.lotledger.catalog.partner.SupplierService;
import org.lotledger.common.DomainException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating lots and changing their attributes, each change an event in the lot's history. */
@Service
public class LotService {

    private final Lots lots;
    private final LotEvents events;
    private final ItemService items;
    private final SupplierService suppliers;
    private final CatalogAuditLog audit;
    private final JdbcTemplate jdbc;

    public LotService(
            Lots lots,
            LotEvents events,
            ItemService items,
            SupplierService suppliers,
            CatalogAuditLog audit,
            JdbcTemplate jdbc) {
        this.lots = lots;
        this.events = events;
        this.items = items;
        this.suppliers = suppliers;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Transactional
    public LotView create(LotDraft draft, String actor) {
        Item item = items.load(draft.itemId());
        if (!item.isActive()) {
            throw DomainException.unprocessable(
                    "ITEM_INACTIVE", "Item " + item.getSku() + " is deactivated", Map.of("itemId", item.getId()));
        }
        if (!suppliers.load(draft.supplierId()).isActive()) {
            throw DomainException.unprocessable(
                    "SUPPLIER_INACTIVE",
                    "Supplier " + draft.supplierId() + " is deactivated",
                    Map.of("supplierId", draft.supplierId()));
        }
        String label = "LL" + String.format("%08d", lots.nextLabelNumber());
        String lotNumber = blankToNull(draft.lotNumber());
        if (lotNumber == null) {
            if (item.isLotControlled()) {
                throw DomainException.unprocessable(
                        "LOT_NUMBER_REQUIRED",
                        "Item " + item.getSku() + " is lot-controlled: a lot number is required",
                        Map.of("itemId", item.getId()));
            }
            // an item without lot control still needs one lot per receipt identity; its own label serves
            lotNumber = label;
        }
        LocalDate expiresOn = draft.expiresOn();
        if (expiresOn == null && item.isBestBeforeAsExpiry()) {
            expiresOn = draft.bestBeforeOn();
        }
        if (expiresOn == null && item.isExpiryRequired()) {
            throw DomainException.unprocessable(
                    "EXPIRY_REQUIRED",
                    "Item " + item.getSku() + " needs an expiry date",
                    Map.of("itemId", item.getId()));
        }
        checkDates(draft.manufacturedOn(), expiresOn);
        requireUnique(item.getId(), draft.supplierId(), lotNumber);
        Lot lot = new Lot(
                item.getId(),
                draft.supplierId(),
                lotNumber,
                label,
                draft.unitCost() != null ? draft.unitCost() : item.getStandardUnitCost(),
                draft.currency() != null ? draft.currency().toUpperCase() : item.getCurrency());
        lot.setManufacturerBatchRef(blankToNull(draft.manufacturerBatchRef()));
        lot.setManufacturedOn(draft.manufacturedOn());
        lot.setExpiresOn(expiresOn);
        lot.setBestBeforeOn(draft.bestBeforeOn());
        lot.setFirstReceivedOn(draft.firstReceivedOn());
        lots.saveAndFlush(lot);
        LotView view = LotView.of(lot);
        events.save(new LotEvent(lot.getId(), LotEvent.CREATED, audit.changes(null, view), null, actor));
        return view;
    }

    /**
     * Creates a child lot of {@code parentId} for a relabel (ADR 0015): same item and supplier, the parent's unit cost
     * and currency (ADR 0004), the parent's dates and batch reference where the draft gives none, and the catalog's
     * lot rules (lot control, expiry required, dates in order, unique lot number). The caller posts the RELABEL and
     * then records the edge ({@link #recordRelabel}) in the same transaction.
     *
     * @throws DomainException UNKNOWN_LOT (404), LOT_NUMBER_REQUIRED, RELABEL_EXPIRY_AFTER_PARENT,
     *                         RELABEL_BEST_BEFORE_AFTER_PARENT, EXPIRY_REQUIRED, INVALID_LOT_DATES, ITEM_INACTIVE,
     *                         SUPPLIER_INACTIVE (422), LOT_ALREADY_EXISTS (409)
     */
    @Transactional
    public LotView createChild(long parentId, ChildLotDraft draft, String actor) {
        Lot parent = load(parentId);
        if (blankToNull(draft.lotNumber()) == null) {
            throw DomainException.unprocessable(
                    "LOT_NUMBER_REQUIRED", "A relabelled lot needs a lot number of its own.", Map.of());
        }
        LocalDate expiresOn = draft.expiresOn() != null ? draft.expiresOn() : parent.getExpiresOn();
        LocalDate bestBeforeOn = draft.bestBeforeOn() != null ? draft.bestBeforeOn() : parent.getBestBeforeOn();
        notAfterParent("RELABEL_EXPIRY_AFTER_PARENT", "expiry", expiresOn, parent.getExpiresOn());
        notAfterParent("RELABEL_BEST_BEFORE_AFTER_PARENT", "best-before date", bestBeforeOn, parent.getBestBeforeOn());
        return create(
                new LotDraft(
                        parent.getItemId(),
                        parent.getSupplierId(),
                        draft.lotNumber().trim(),
                        draft.manufacturerBatchRef() != null
                                ? draft.manufacturerBatchRef()
                                : parent.getManufacturerBatchRef(),
                        draft.manufacturedOn() != null ? draft.manufacturedOn() : parent.getManufacturedOn(),
                        expiresOn,
                        bestBeforeOn,
                        parent.getFirstReceivedOn(),
                        parent.getUnitCost(),
                        parent.getCurrency()),
                actor);
    }

    /** The genealogy edge of a relabel: {@code childId} was relabelled from {@code parentId} by posting {@code postingId}. */
    @Transactional
    public void recordRelabel(long childId, long parentId, long postingId) {
        jdbc.update(
                "insert into lot_lineage (child_lot_id, parent_lot_id, relation, posting_id) values (?, ?, 'RELABEL', ?)",
                childId,
                parentId,
                postingId);
    }

    private static void notAfterParent(String code, String what, LocalDate child, LocalDate parent) {
        if (child != null && parent != null && child.isAfter(parent)) {
            throw DomainException.unprocessable(
                    code,
                    "A relabelled lot's " + what + " (" + child + ") may not be later than its parent's (" + parent
                            + ").",
                    Map.of("given", child.toString(), "parent", parent.toString()));
        }
    }

    @Transactional
    public LotView changeAttributes(long id, Long expectedVersion, LotAttributeChange change, String actor) {
        Lot lot = load(id);
        lot.requireVersion(expectedVersion);
        refuseIdentityOrCost(change);
        Item item = items.load(lot.getItemId());
        LotView before = LotView.of(lot);
        if (change.lotNumber() != null
                && !change.lotNumber().isBlank()
                && !change.lotNumber().trim().equals(lot.getLotNumber())) {
            requireUnique(
                    lot.getItemId(), lot.getSupplierId(), change.lotNumber().trim());
            lot.setLotNumber(change.lotNumber().trim());
        }
        if (change.manufacturerBatchRef() != null) {
            lot.setManufacturerBatchRef(blankToNull(change.manufacturerBatchRef()));
        }
        if (change.manufacturedOn() != null) {
            lot.setManufacturedOn(change.manufacturedOn());
        }
        if (change.expiresOn() != null) {
            lot.setExpiresOn(change.expiresOn());
        }
        if (change.bestBeforeOn() != null) {
            lot.setBestBeforeOn(change.bestBeforeOn());
            if (item.isBestBeforeAsExpiry() && change.expiresOn() == null) {
                lot.setExpiresOn(change.bestBeforeOn());
            }
        }
        if (change.firstReceivedOn() != null) {
            lot.setFirstReceivedOn(change.firstReceivedOn());
        }
        checkDates(lot.getManufacturedOn(), lot.getExpiresOn());
        lots.saveAndFlush(lot);
        LotView after = LotView.of(lot);
        Map<String, Object> changes = audit.changes(before, after);
        if (!changes.isEmpty()) {
            events.save(new LotEvent(
                    id, LotEvent.ATTRIBUTE_CHANGED, changes, change.reason().trim(), actor));
        }
        return after;
    }

    @Transactional(readOnly = true)
    public LotView get(long id) {
        return LotView.of(load(id));
    }

    @Transactional(readOnly = true)
    public Optional<LotView> findByInternalLabel(String label) {
        return label == null
                ? Optional.empty()
                : lots.findByInternalLabel(label.trim().toUpperCase()).map(LotView::of);
    }

    /**
     * Lots by item, supplier, lot number and manufacturer batch reference; lot number and batch reference are
     * matched without regard to case, across all suppliers, because a recall notice names them as printed.
     */
    @Transactional(readOnly = true)
    public List<LotView> list(Long item, Long supplier, String lotNumber, String batchRef) {
        Specification<Lot> spec = Specification.<Lot>where(eq("itemId", item))
                .and(eq("supplierId", supplier))
                .and(eqIgnoreCase("lotNumber", lotNumber))
                .and(eqIgnoreCase("manufacturerBatchRef", batchRef));
        return lots.findAll(spec, Sort.by("id")).stream().map(LotView::of).toList();
    }

    @Transactional(readOnly = true)
    public List<LotEventView> events(long id) {
        load(id);
        return events.findByLotIdOrderByIdAsc(id).stream().map(LotEventView::of).toList();
    }

    @Transactional(readOnly = true)
    public LotLineageView lineage(long id) {
        load(id);
        List<LotLineageView.Edge> parents = jdbc.query("""
                select l.id, l.internal_label, l.lot_number, e.relation, e.posting_id, e.created_at
                  from lot_lineage e join lot l on l.id = e.parent_lot_id
                 where e.child_lot_id = ? order by e.created_at, l.id""", (rs, i) -> edge(rs), id);
        List<LotLineageView.Edge> children = jdbc.query("""
                select l.id, l.internal_label, l.lot_number, e.relation, e.posting_id, e.created_at
                  from lot_lineage e join lot l on l.id = e.child_lot_id
                 where e.parent_lot_id = ? order by e.created_at, l.id""", (rs, i) -> edge(rs), id);
        return new LotLineageView(id, parents, children);
    }

    private static LotLineageView.Edge edge(java.sql.ResultSet rs) throws java.sql.SQLException {
        long posting = rs.getLong("posting_id");
        return new LotLineageView.Edge(
                rs.getLong("id"),
                rs.getString("internal_label"),
                rs.getString("lot_number"),
                rs.getString("relation"),
                rs.wasNull() ? null : posting,
                rs.getTimestamp("created_at").toInstant());
    }

    Lot load(long id) {
        return lots.findById(id)
                .orElseThrow(() ->
                        DomainException.notFound("UNKNOWN_LOT", "Lot " + id + " does not exist", Map.of("lotId", id)));
    }

    private void requireUnique(Long itemId, Long supplierId, String lotNumber) {
        lots.findByItemIdAndSupplierIdAndLotNumber(itemId, supplierId, lotNumber)
                .ifPresent(existing -> {
                    throw DomainException.conflict(
                            "LOT_ALREADY_EXISTS",
                            "Lot " + lotNumber + " of this item from this supplier already exists",
                            Map.of("lotId", existing.getId(), "internalLabel", existing.getInternalLabel()));
                });
    }

    private static void refuseIdentityOrCost(LotAttributeChange c) {
        String field = c.itemId() != null
                ? "itemId"
                : c.supplierId() != null
                        ? "supplierId"
                        : c.unitCost() != null ? "unitCost" : c.currency() != null ? "currency" : null;
        if (field != null) {
            throw DomainException.unprocessable(
                    "LOT_ATTRIBUTE_NOT_CHANGEABLE",
                    field
                            + " of a lot cannot change: it is part of the lot's identity or its cost fixed at first receipt",
                    Map.of("field", field));
        }
    }

    private static void checkDates(LocalDate manufacturedOn, LocalDate expiresOn) {
        if (manufacturedOn != null && expiresOn != null && !manufacturedOn.isBefore(expiresOn)) {
            throw DomainException.unprocessable(
                    "INVALID_LOT_DATES",
                    "The manufacturing date must be before the expiry date",
                    Map.of("manufacturedOn", manufacturedOn.toString(), "expiresOn", expiresOn.toString()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
