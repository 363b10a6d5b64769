package org.lotledger.catalog.item;

import static org.lotledger.catalog.CatalogSpecs.eq;
import static org.lotledger.catalog.CatalogSpecs.eqIgnoreCase;

import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lotledger.catalog.CatalogExceptions;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.common.DomainException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Items with their units of measure and GTINs. Fields that govern stock (base unit, lot control, the conversions
 * already defined) are frozen once any posting exists for a lot of the item, because the ledger holds quantities
 * in base units computed with them.
 */
@Service
public class ItemService {

    public static final String ENTITY = "ITEM";

    private final Items items;
    private final ItemUoms uoms;
    private final ItemGtins gtins;
    private final ItemPostings postings;
    private final CatalogAuditLog audit;

    public ItemService(Items items, ItemUoms uoms, ItemGtins gtins, ItemPostings postings, CatalogAuditLog audit) {
        this.items = items;
        this.uoms = uoms;
        this.gtins = gtins;
        this.postings = postings;
        this.audit = audit;
    }

    @Transactional
    public ItemView create(ItemDraft draft, String actor) {
        String sku = draft.sku().trim().toUpperCase();
        if (items.existsBySku(sku)) {
            throw CatalogExceptions.duplicate("ITEM_ALREADY_EXISTS", "Item", sku);
        }
        validCurrency(draft.currency());
        shipmentMinimumFitsShelfLife(draft);
        Map<String, Integer> units = UomConversions.resolve(draft.baseUom(), draft.conversions());
        Map<String, String> gtinUoms = parseGtins(draft.gtins(), units);
        Item item = new Item(sku);
        item.describe(draft);
        items.saveAndFlush(item);
        replaceUnitsAndGtins(item.getId(), units, gtinUoms);
        ItemView view = view(item);
        audit.created(ENTITY, item.getId(), view, actor);
        return view;
    }

    @Transactional
    public ItemView update(long id, Long expectedVersion, ItemDraft draft, String actor) {
        Item item = load(id);
        item.requireVersion(expectedVersion);
        if (!item.getSku().equalsIgnoreCase(draft.sku().trim())) {
            throw DomainException.unprocessable(
                    "FIELD_NOT_CHANGEABLE", "An item's SKU cannot change", Map.of("field", "sku"));
        }
        validCurrency(draft.currency());
        shipmentMinimumFitsShelfLife(draft);
        Map<String, Integer> units = UomConversions.resolve(draft.baseUom(), draft.conversions());
        Map<String, String> gtinUoms = parseGtins(draft.gtins(), units);
        if (hasPostings(id)) {
            refuseFrozenChanges(item, draft, units);
        }
        ItemView before = view(item);
        item.describe(draft);
        items.saveAndFlush(item);
        replaceUnitsAndGtins(id, units, gtinUoms);
        ItemView after = view(item);
        audit.updated(ENTITY, id, before, after, actor);
        return after;
    }

    @Transactional
    public ItemView deactivate(long id, Long expectedVersion, String actor) {
        Item item = load(id);
        item.requireVersion(expectedVersion);
        if (item.isActive()) {
            item.deactivate();
            items.saveAndFlush(item);
            audit.deactivated(ENTITY, id, actor);
        }
        return view(item);
    }

    /** A lot must be able to ship: the minimum left at shipment is shorter than the item's whole shelf life. */
    static void shipmentMinimumFitsShelfLife(ItemDraft d) {
        Integer minimum = d.minRemainingShelfLifeAtShipmentDays();
        if (minimum != null && d.shelfLifeDays() != null && minimum >= d.shelfLifeDays()) {
            throw DomainException.unprocessable(
                    "INVALID_SHELF_LIFE_MINIMUM",
                    "A minimum of " + minimum + " days left at shipment leaves no lot of a " + d.shelfLifeDays()
                            + "-day shelf life to ship",
                    Map.of("minRemainingShelfLifeAtShipmentDays", minimum, "shelfLifeDays", d.shelfLifeDays()));
        }
    }

    @Transactional(readOnly = true)
    public ItemView get(long id) {
        return view(load(id));
    }

    @Transactional(readOnly = true)
    public List<ItemView> list(Boolean active, String sku, TemperatureClass temperatureClass, String gtin) {
        Specification<Item> spec = Specification.<Item>where(eq("active", active))
                .and(eqIgnoreCase("sku", sku))
                .and(eq("temperatureClass", temperatureClass));
        if (gtin != null && !gtin.isBlank()) {
            Long itemId = gtins.findById(Gtin.parse(gtin).value())
                    .map(ItemGtin::getItemId)
                    .orElse(-1L);
            spec = spec.and(eq("id", itemId));
        }
        return items.findAll(spec, Sort.by("sku")).stream().map(this::view).toList();
    }

    /** base units per unit of measure, or empty for an unknown item */
    @Transactional(readOnly = true)
    public Optional<Map<String, Integer>> unitsOf(long itemId) {
        if (!items.existsById(itemId)) {
            return Optional.empty();
        }
        return Optional.of(uoms.findByItemIdOrderByBaseUnitsPerUomAsc(itemId).stream()
                .collect(Collectors.toMap(
                        ItemUom::getUom, ItemUom::getBaseUnitsPerUom, (a, b) -> a, LinkedHashMap::new)));
    }

    /** The freeze rule's question, asked of the ledger. */
    @Transactional(readOnly = true)
    public boolean hasPostings(long itemId) {
        return postings.existFor(itemId);
    }

    public Item load(long id) {
        return items.findById(id).orElseThrow(() -> CatalogExceptions.notFound("ITEM", id));
    }

    private void refuseFrozenChanges(Item item, ItemDraft draft, Map<String, Integer> units) {
        if (!item.getBaseUom().equalsIgnoreCase(draft.baseUom().trim())) {
            throw frozen("baseUom", item.getBaseUom(), draft.baseUom());
        }
        if (item.isLotControlled() != draft.lotControlled()) {
            throw frozen("lotControlled", item.isLotControlled(), draft.lotControlled());
        }
        // the ledger does not record which unit a posting was entered in, so every existing conversion counts as used
        for (ItemUom existing : uoms.findByItemIdOrderByBaseUnitsPerUomAsc(item.getId())) {
            Integer now = units.get(existing.getUom());
            if (now == null || now != existing.getBaseUnitsPerUom()) {
                throw frozen("conversions." + existing.getUom(), existing.getBaseUnitsPerUom(), now);
            }
        }
    }

    private static DomainException frozen(String field, Object from, Object to) {
        Map<String, Object> details = new HashMap<>();
        details.put("field", field);
        details.put("current", from);
        details.put("requested", to);
        return DomainException.conflict(
                "FIELD_FROZEN", field + " cannot change: postings already exist for lots of this item", details);
    }

    /** GTIN → unit of measure, each GTIN valid, unique, and on a unit the item has */
    private Map<String, String> parseGtins(List<GtinAssignment> assignments, Map<String, Integer> units) {
        Map<String, String> result = new LinkedHashMap<>();
        Map<String, String> byUom = new HashMap<>();
        for (GtinAssignment a : assignments == null ? List.<GtinAssignment>of() : assignments) {
            String gtin = Gtin.parse(a.gtin()).value();
            String uom = UomConversions.normalise(a.uom());
            if (!units.containsKey(uom)) {
                throw DomainException.unprocessable(
                        "UNKNOWN_UOM",
                        "GTIN " + gtin + " names unit " + uom + ", which the item does not have",
                        Map.of("gtin", gtin, "uom", uom));
            }
            if (result.put(gtin, uom) != null) {
                throw CatalogExceptions.duplicate("GTIN_ALREADY_ASSIGNED", "GTIN", gtin);
            }
            if (byUom.put(uom, gtin) != null) {
                throw DomainException.unprocessable(
                        "ONE_GTIN_PER_UOM",
                        "Each packaging level has one GTIN; " + uom + " got two",
                        Map.of("uom", uom));
            }
        }
        return result;
    }

    /**
     * Brings item_uom and item_gtin to the wanted state. Deletes are flushed before inserts because Hibernate
     * would otherwise insert first and trip the unique keys.
     */
    private void replaceUnitsAndGtins(long itemId, Map<String, Integer> units, Map<String, String> gtinUoms) {
        List<ItemGtin> currentGtins = gtins.findByItemIdOrderByGtinAsc(itemId);
        gtins.deleteAll(currentGtins.stream()
                .filter(g -> !g.getUom().equals(gtinUoms.get(g.getGtin())))
                .toList());
        gtins.flush();
        List<ItemUom> currentUnits = uoms.findByItemIdOrderByBaseUnitsPerUomAsc(itemId);
        uoms.deleteAll(currentUnits.stream()
                .filter(u -> !units.containsKey(u.getUom()))
                .toList());
        uoms.flush();
        Map<String, ItemUom> kept = currentUnits.stream()
                .filter(u -> units.containsKey(u.getUom()))
                .collect(Collectors.toMap(ItemUom::getUom, u -> u));
        units.forEach((uom, baseUnits) -> {
            ItemUom u = kept.get(uom);
            if (u == null) {
                uoms.save(new ItemUom(itemId, uom, baseUnits));
            } else {
                u.setBaseUnitsPerUom(baseUnits);
            }
        });
        uoms.flush();
        gtinUoms.forEach((gtin, uom) -> {
            Optional<ItemGtin> existing = gtins.findById(gtin);
            if (existing.isPresent()) {
                if (!existing.get().getItemId().equals(itemId)
                        || !existing.get().getUom().equals(uom)) {
                    throw DomainException.conflict(
                            "GTIN_ALREADY_ASSIGNED",
                            "GTIN " + gtin + " already belongs to item "
                                    + existing.get().getItemId() + " ("
                                    + existing.get().getUom() + ")",
                            Map.of("gtin", gtin, "itemId", existing.get().getItemId()));
                }
                return;
            }
            gtins.save(new ItemGtin(gtin, itemId, uom));
        });
        gtins.flush();
    }

    private ItemView view(Item item) {
        return ItemView.of(
                item,
                uoms.findByItemIdOrderByBaseUnitsPerUomAsc(item.getId()),
                gtins.findByItemIdOrderByGtinAsc(item.getId()),
                hasPostings(item.getId()));
    }

    private static void validCurrency(String code) {
        try {
            Currency.getInstance(code.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw DomainException.unprocessable(
                    "INVALID_CURRENCY", "'" + code + "' is not an ISO 4217 currency", Map.of("currency", code));
        }
    }
}
