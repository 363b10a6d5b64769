package org.lotledger.catalog.partner;

import static org.lotledger.catalog.CatalogSpecs.eq;

import java.util.List;
import java.util.Map;
import org.lotledger.catalog.CatalogExceptions;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.location.Location;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.catalog.location.Locations;
import org.lotledger.catalog.location.VirtualLocations;
import org.lotledger.common.DomainException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Suppliers, each with its virtual SUPPLIER location (the source of everything received from it). */
@Service
public class SupplierService {

    public static final String ENTITY = "SUPPLIER";

    private final Suppliers suppliers;
    private final Locations locations;
    private final VirtualLocations virtualLocations;
    private final CatalogAuditLog audit;

    public SupplierService(
            Suppliers suppliers, Locations locations, VirtualLocations virtualLocations, CatalogAuditLog audit) {
        this.suppliers = suppliers;
        this.locations = locations;
        this.virtualLocations = virtualLocations;
        this.audit = audit;
    }

    @Transactional
    public SupplierView create(SupplierDraft draft, String actor) {
        String code = draft.code().trim().toUpperCase();
        if (suppliers.existsByCode(code)) {
            throw CatalogExceptions.duplicate("SUPPLIER_ALREADY_EXISTS", "Supplier", code);
        }
        Supplier s = new Supplier(code);
        s.describe(draft.name().trim(), draft.approvalStatus(), convention(draft));
        suppliers.saveAndFlush(s);
        SupplierView view = SupplierView.of(s, null);
        audit.created(ENTITY, s.getId(), view, actor);
        Location l = virtualLocations.forNewSupplier(s.getId(), code, s.getName(), actor);
        return SupplierView.of(s, l.getId());
    }

    @Transactional
    public SupplierView update(long id, Long expectedVersion, SupplierDraft draft, String actor) {
        Supplier s = load(id);
        s.requireVersion(expectedVersion);
        if (!s.getCode().equalsIgnoreCase(draft.code().trim())) {
            throw DomainException.unprocessable(
                    "FIELD_NOT_CHANGEABLE", "A supplier code cannot change", Map.of("field", "code"));
        }
        SupplierView before = view(s);
        s.describe(draft.name().trim(), draft.approvalStatus(), convention(draft));
        suppliers.saveAndFlush(s);
        SupplierView after = view(s);
        audit.updated(ENTITY, id, before, after, actor);
        return after;
    }

    @Transactional
    public SupplierView deactivate(long id, Long expectedVersion, String actor) {
        Supplier s = load(id);
        s.requireVersion(expectedVersion);
        if (s.isActive()) {
            s.deactivate();
            suppliers.saveAndFlush(s);
            audit.deactivated(ENTITY, id, actor);
        }
        return view(s);
    }

    @Transactional(readOnly = true)
    public SupplierView get(long id) {
        return view(load(id));
    }

    @Transactional(readOnly = true)
    public List<SupplierView> list(Boolean active, ApprovalStatus status) {
        Specification<Supplier> spec =
                Specification.<Supplier>where(eq("active", active)).and(eq("approvalStatus", status));
        return suppliers.findAll(spec, Sort.by("code")).stream().map(this::view).toList();
    }

    /** The lot number in a scanned label, by the supplier's convention; without a convention the trimmed text. */
    @Transactional(readOnly = true)
    public String normaliseLotNumber(long supplierId, String scanned) {
        return LotLabelConvention.lotNumber(load(supplierId).lotLabelConvention(), scanned, LotText.LABEL);
    }

    public Supplier load(long id) {
        return suppliers.findById(id).orElseThrow(() -> CatalogExceptions.notFound("SUPPLIER", id));
    }

    private SupplierView view(Supplier s) {
        return SupplierView.of(
                s,
                locations
                        .findBySupplierIdAndKind(s.getId(), LocationKind.SUPPLIER)
                        .map(Location::getId)
                        .orElse(null));
    }

    private static LotLabelConvention convention(SupplierDraft draft) {
        boolean hasPattern =
                draft.lotLabelPattern() != null && !draft.lotLabelPattern().isBlank();
        boolean hasExample =
                draft.lotLabelExample() != null && !draft.lotLabelExample().isBlank();
        if (!hasPattern && !hasExample) {
            return null;
        }
        return LotLabelConvention.of(draft.lotLabelPattern(), draft.lotLabelExample());
    }
}
