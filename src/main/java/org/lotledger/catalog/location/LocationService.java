package org.lotledger.catalog.location;

import static org.lotledger.catalog.CatalogSpecs.eq;
import static org.lotledger.catalog.CatalogSpecs.eqIgnoreCase;

import java.util.List;
import java.util.Map;
import org.lotledger.catalog.CatalogExceptions;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.common.DomainException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Physical locations (bins with a scannable barcode). Virtual locations are read-only here. */
@Service
public class LocationService {

    public static final String ENTITY = VirtualLocations.ENTITY;

    private final Locations locations;
    private final ZoneService zones;
    private final WarehouseService warehouses;
    private final CatalogAuditLog audit;

    public LocationService(Locations locations, ZoneService zones, WarehouseService warehouses, CatalogAuditLog audit) {
        this.locations = locations;
        this.zones = zones;
        this.warehouses = warehouses;
        this.audit = audit;
    }

    @Transactional
    public LocationView create(LocationDraft draft, String actor) {
        Zone zone = activeZone(draft.zoneId());
        String barcode = draft.barcode().trim().toUpperCase();
        String code = draft.code() == null || draft.code().isBlank()
                ? barcode
                : draft.code().trim().toUpperCase();
        if (locations.existsByCode(code)) {
            throw CatalogExceptions.duplicate("LOCATION_ALREADY_EXISTS", "Location", code);
        }
        requireFreeBarcode(barcode, null);
        Location l = locations.saveAndFlush(Location.physical(
                code, barcode, draft.name().trim(), zone.getWarehouseId(), zone.getId(), draft.capacityBaseUnits()));
        LocationView view = LocationView.of(l);
        audit.created(ENTITY, l.getId(), view, actor);
        return view;
    }

    @Transactional
    public LocationView update(long id, Long expectedVersion, LocationDraft draft, String actor) {
        Location l = loadPhysical(id);
        l.requireVersion(expectedVersion);
        if (draft.code() != null
                && !draft.code().isBlank()
                && !draft.code().trim().equalsIgnoreCase(l.getCode())) {
            throw DomainException.unprocessable(
                    "FIELD_NOT_CHANGEABLE", "A location code cannot change", Map.of("field", "code"));
        }
        Zone zone = activeZone(draft.zoneId());
        String barcode = draft.barcode().trim().toUpperCase();
        requireFreeBarcode(barcode, id);
        LocationView before = LocationView.of(l);
        l.relocate(draft.name().trim(), barcode, zone.getWarehouseId(), zone.getId(), draft.capacityBaseUnits());
        locations.saveAndFlush(l);
        LocationView after = LocationView.of(l);
        audit.updated(ENTITY, id, before, after, actor);
        return after;
    }

    @Transactional
    public LocationView deactivate(long id, Long expectedVersion, String actor) {
        Location l = loadPhysical(id);
        l.requireVersion(expectedVersion);
        if (l.isActive()) {
            l.deactivate();
            locations.saveAndFlush(l);
            audit.deactivated(ENTITY, id, actor);
        }
        return LocationView.of(l);
    }

    @Transactional(readOnly = true)
    public LocationView get(long id) {
        return LocationView.of(load(id));
    }

    @Transactional(readOnly = true)
    public List<LocationView> list(Boolean active, String warehouse, Long zone, LocationKind kind, String barcode) {
        Specification<Location> spec = Specification.<Location>where(eq("active", active))
                .and(eq("warehouseId", warehouses.resolveId(warehouse)))
                .and(eq("zoneId", zone))
                .and(eq("kind", kind))
                .and(eqIgnoreCase("barcode", barcode));
        return locations.findAll(spec, Sort.by("code")).stream()
                .map(LocationView::of)
                .toList();
    }

    Location load(long id) {
        return locations.findById(id).orElseThrow(() -> CatalogExceptions.notFound("LOCATION", id));
    }

    private Location loadPhysical(long id) {
        Location l = load(id);
        if (l.getKind().isVirtual()) {
            throw DomainException.unprocessable(
                    "VIRTUAL_LOCATION_READ_ONLY",
                    "Virtual locations are maintained by the catalog itself",
                    Map.of("kind", l.getKind().name()));
        }
        return l;
    }

    private Zone activeZone(long zoneId) {
        Zone zone = zones.load(zoneId);
        if (!zone.isActive()) {
            throw DomainException.unprocessable(
                    "ZONE_INACTIVE", "Zone " + zone.getCode() + " is deactivated", Map.of("zoneId", zoneId));
        }
        return zone;
    }

    private void requireFreeBarcode(String barcode, Long self) {
        locations
                .findByBarcode(barcode)
                .filter(other -> !other.getId().equals(self))
                .ifPresent(other -> {
                    throw CatalogExceptions.duplicate("BARCODE_ALREADY_ASSIGNED", "Location barcode", barcode);
                });
    }
}
