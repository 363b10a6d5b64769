package org.lotledger.catalog.location;

import static org.lotledger.catalog.CatalogSpecs.eq;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.Address;
import org.lotledger.catalog.CatalogExceptions;
import org.lotledger.catalog.Gln;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.common.DomainException;
import org.lotledger.platform.security.WarehouseStaffGroups;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and deactivating warehouses; a new warehouse gets its virtual locations and the Camunda groups
 * of its staff ({@code warehouse@<code>}, ...) at once, in the same transaction.
 */
@Service
public class WarehouseService {

    public static final String ENTITY = "WAREHOUSE";

    private final Warehouses warehouses;
    private final VirtualLocations virtualLocations;
    private final CatalogAuditLog audit;
    private final WarehouseStaffGroups staffGroups;

    public WarehouseService(
            Warehouses warehouses,
            VirtualLocations virtualLocations,
            CatalogAuditLog audit,
            WarehouseStaffGroups staffGroups) {
        this.warehouses = warehouses;
        this.virtualLocations = virtualLocations;
        this.audit = audit;
        this.staffGroups = staffGroups;
    }

    @Transactional
    public WarehouseView create(WarehouseDraft draft, String actor) {
        String code = draft.code().trim().toUpperCase();
        if (warehouses.existsByCode(code)) {
            throw CatalogExceptions.duplicate("WAREHOUSE_ALREADY_EXISTS", "Warehouse", code);
        }
        Warehouse w = new Warehouse(code, draft.name().trim(), validTimeZone(draft.timeZone()));
        w.goLiveOn(draft.goLiveOn());
        locate(w, draft);
        w = warehouses.saveAndFlush(w);
        WarehouseView view = WarehouseView.of(w);
        audit.created(ENTITY, w.getId(), view, actor);
        virtualLocations.forNewWarehouse(w, actor);
        staffGroups.ensureFor(code);
        return view;
    }

    @Transactional
    public WarehouseView update(long id, Long expectedVersion, WarehouseDraft draft, String actor) {
        Warehouse w = load(id);
        w.requireVersion(expectedVersion);
        if (draft.code() != null && !draft.code().trim().equalsIgnoreCase(w.getCode())) {
            throw DomainException.unprocessable(
                    "FIELD_NOT_CHANGEABLE", "A warehouse code cannot change", Map.of("field", "code"));
        }
        WarehouseView before = WarehouseView.of(w);
        w.rename(draft.name().trim());
        w.moveToTimeZone(validTimeZone(draft.timeZone()));
        w.goLiveOn(draft.goLiveOn());
        locate(w, draft);
        warehouses.saveAndFlush(w);
        WarehouseView after = WarehouseView.of(w);
        audit.updated(ENTITY, id, before, after, actor);
        return after;
    }

    @Transactional
    public WarehouseView deactivate(long id, Long expectedVersion, String actor) {
        Warehouse w = load(id);
        w.requireVersion(expectedVersion);
        if (w.isActive()) {
            w.deactivate();
            warehouses.saveAndFlush(w);
            audit.deactivated(ENTITY, id, actor);
        }
        return WarehouseView.of(w);
    }

    /**
     * At start: the staff groups of every warehouse, for warehouses created before groups per warehouse existed or
     * whose groups someone deleted in Camunda Admin (memberships are not restored: they are people's data).
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    @Transactional
    public void staffGroupsOfEveryWarehouse() {
        for (Warehouse w : warehouses.findAll()) {
            staffGroups.ensureFor(w.getCode());
        }
    }

    @Transactional(readOnly = true)
    public WarehouseView get(long id) {
        return WarehouseView.of(load(id));
    }

    @Transactional(readOnly = true)
    public List<WarehouseView> list(Boolean active) {
        return warehouses.findAll(eq("active", active), Sort.by("code")).stream()
                .map(WarehouseView::of)
                .toList();
    }

    /** A warehouse named by id or by code, as list filters accept both. */
    @Transactional(readOnly = true)
    public Long resolveId(String idOrCode) {
        if (idOrCode == null || idOrCode.isBlank()) {
            return null;
        }
        if (idOrCode.chars().allMatch(Character::isDigit)) {
            return Long.valueOf(idOrCode);
        }
        return warehouses
                .findByCode(idOrCode.trim().toUpperCase())
                .map(Warehouse::getId)
                .orElseThrow(() -> CatalogExceptions.notFound("WAREHOUSE", idOrCode));
    }

    Warehouse load(long id) {
        return warehouses.findById(id).orElseThrow(() -> CatalogExceptions.notFound("WAREHOUSE", id));
    }

    /** Address and GLN (13 digits, GS1 check digit, one warehouse per GLN). */
    private void locate(Warehouse w, WarehouseDraft draft) {
        String gln = Gln.parseOrNull(draft.gln());
        if (gln != null) {
            warehouses
                    .findByGln(gln)
                    .filter(other -> !other.getId().equals(w.getId()))
                    .ifPresent(other -> {
                        throw DomainException.conflict(
                                "GLN_ALREADY_USED",
                                "GLN " + gln + " already names warehouse " + other.getCode(),
                                Map.of("gln", gln, "warehouse", other.getCode()));
                    });
        }
        w.locate(Address.normalised(draft.address()), gln);
    }

    static String validTimeZone(String tz) {
        try {
            return ZoneId.of(tz.trim()).getId();
        } catch (DateTimeException e) {
            throw DomainException.unprocessable(
                    "INVALID_TIME_ZONE", "'" + tz + "' is not an IANA time zone id", Map.of("timeZone", tz));
        }
    }
}
