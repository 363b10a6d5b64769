package org.lotledger.catalog.location;

import static org.lotledger.catalog.CatalogSpecs.eq;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.catalog.CatalogExceptions;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.item.TemperatureClass;
import org.lotledger.common.DomainException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ZoneService {

    public static final String ENTITY = "ZONE";

    private final Zones zones;
    private final WarehouseService warehouses;
    private final CatalogAuditLog audit;

    public ZoneService(Zones zones, WarehouseService warehouses, CatalogAuditLog audit) {
        this.zones = zones;
        this.warehouses = warehouses;
        this.audit = audit;
    }

    @Transactional
    public ZoneView create(ZoneDraft draft, String actor) {
        Warehouse w = warehouses.load(draft.warehouseId());
        if (!w.isActive()) {
            throw DomainException.unprocessable(
                    "WAREHOUSE_INACTIVE",
                    "Warehouse " + w.getCode() + " is deactivated",
                    Map.of("warehouseId", w.getId()));
        }
        String code = draft.code().trim().toUpperCase();
        if (zones.findByWarehouseIdAndCode(w.getId(), code).isPresent()) {
            throw CatalogExceptions.duplicate("ZONE_ALREADY_EXISTS", "Zone", w.getCode() + "/" + code);
        }
        Zone z = new Zone(w.getId(), code, draft.name().trim());
        z.describe(draft.name().trim(), draft.zoneType(), draft.allowedStatuses(), temperatures(draft));
        zones.saveAndFlush(z);
        ZoneView view = ZoneView.of(z);
        audit.created(ENTITY, z.getId(), view, actor);
        return view;
    }

    @Transactional
    public ZoneView update(long id, Long expectedVersion, ZoneDraft draft, String actor) {
        Zone z = load(id);
        z.requireVersion(expectedVersion);
        if (!z.getWarehouseId().equals(draft.warehouseId())
                || !z.getCode().equalsIgnoreCase(draft.code().trim())) {
            throw DomainException.unprocessable(
                    "FIELD_NOT_CHANGEABLE",
                    "A zone's warehouse and code cannot change",
                    Map.of("field", "warehouseId/code"));
        }
        ZoneView before = ZoneView.of(z);
        z.describe(draft.name().trim(), draft.zoneType(), draft.allowedStatuses(), temperatures(draft));
        zones.saveAndFlush(z);
        ZoneView after = ZoneView.of(z);
        audit.updated(ENTITY, id, before, after, actor);
        return after;
    }

    @Transactional
    public ZoneView deactivate(long id, Long expectedVersion, String actor) {
        Zone z = load(id);
        z.requireVersion(expectedVersion);
        if (z.isActive()) {
            z.deactivate();
            zones.saveAndFlush(z);
            audit.deactivated(ENTITY, id, actor);
        }
        return ZoneView.of(z);
    }

    @Transactional(readOnly = true)
    public ZoneView get(long id) {
        return ZoneView.of(load(id));
    }

    @Transactional(readOnly = true)
    public List<ZoneView> list(Boolean active, String warehouse, ZoneType zoneType) {
        Specification<Zone> spec = Specification.<Zone>where(eq("active", active))
                .and(eq("warehouseId", warehouses.resolveId(warehouse)))
                .and(eq("zoneType", zoneType));
        return zones.findAll(spec, Sort.by("warehouseId", "code")).stream()
                .map(ZoneView::of)
                .toList();
    }

    Zone load(long id) {
        return zones.findById(id).orElseThrow(() -> CatalogExceptions.notFound("ZONE", id));
    }

    private static Set<TemperatureClass> temperatures(ZoneDraft draft) {
        return draft.allowedTemperatureClasses() == null
                        || draft.allowedTemperatureClasses().isEmpty()
                ? EnumSet.allOf(TemperatureClass.class)
                : draft.allowedTemperatureClasses();
    }
}
