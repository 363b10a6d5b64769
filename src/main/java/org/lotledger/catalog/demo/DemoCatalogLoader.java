package org.lotledger.catalog.demo;

import static java.util.Set.of;
import static org.lotledger.catalog.item.TemperatureClass.AMBIENT;
import static org.lotledger.catalog.item.TemperatureClass.CHILLED;
import static org.lotledger.catalog.item.TemperatureClass.FROZEN;
import static org.lotledger.catalog.location.StockStatus.AVAILABLE;
import static org.lotledger.catalog.location.StockStatus.HOLD;
import static org.lotledger.catalog.location.StockStatus.QUARANTINE;
import static org.lotledger.catalog.location.StockStatus.REJECTED;
import static org.lotledger.catalog.reason.PostingTypeName.ADJUSTMENT;
import static org.lotledger.catalog.reason.PostingTypeName.ALLOCATION_OVERRIDE;
import static org.lotledger.catalog.reason.PostingTypeName.DIRECTED_PUTAWAY_OVERRIDE;
import static org.lotledger.catalog.reason.PostingTypeName.OPENING_BALANCE;
import static org.lotledger.catalog.reason.PostingTypeName.PICK;
import static org.lotledger.catalog.reason.PostingTypeName.PUTAWAY;
import static org.lotledger.catalog.reason.PostingTypeName.QA_SAMPLE;
import static org.lotledger.catalog.reason.PostingTypeName.RETURN;
import static org.lotledger.catalog.reason.PostingTypeName.RETURN_TO_VENDOR;
import static org.lotledger.catalog.reason.PostingTypeName.REVERSAL;
import static org.lotledger.catalog.reason.PostingTypeName.SCRAP;
import static org.lotledger.catalog.reason.PostingTypeName.SHORT_PICK;
import static org.lotledger.catalog.reason.PostingTypeName.STATUS_CHANGE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lotledger.catalog.Address;
import org.lotledger.catalog.audit.CatalogAuditLog;
import org.lotledger.catalog.item.AllocationMethod;
import org.lotledger.catalog.item.Gtin;
import org.lotledger.catalog.item.GtinAssignment;
import org.lotledger.catalog.item.Item;
import org.lotledger.catalog.item.ItemDraft;
import org.lotledger.catalog.item.ItemService;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.item.Items;
import org.lotledger.catalog.item.TemperatureClass;
import org.lotledger.catalog.item.UnitDefinition;
import org.lotledger.catalog.location.LocationDraft;
import org.lotledger.catalog.location.LocationService;
import org.lotledger.catalog.location.Locations;
import org.lotledger.catalog.location.StockStatus;
import org.lotledger.catalog.location.Warehouse;
import org.lotledger.catalog.location.WarehouseDraft;
import org.lotledger.catalog.location.WarehouseService;
import org.lotledger.catalog.location.Warehouses;
import org.lotledger.catalog.location.Zone;
import org.lotledger.catalog.location.ZoneDraft;
import org.lotledger.catalog.location.ZoneService;
import org.lotledger.catalog.location.ZoneType;
import org.lotledger.catalog.location.Zones;
import org.lotledger.catalog.lot.LotDraft;
import org.lotledger.catalog.lot.LotService;
import org.lotledger.catalog.lot.Lots;
import org.lotledger.catalog.partner.ApprovalStatus;
import org.lotledger.catalog.partner.CustomerDraft;
import org.lotledger.catalog.partner.CustomerService;
import org.lotledger.catalog.partner.CustomerType;
import org.lotledger.catalog.partner.Customers;
import org.lotledger.catalog.partner.RecallContact;
import org.lotledger.catalog.partner.Supplier;
import org.lotledger.catalog.partner.SupplierDraft;
import org.lotledger.catalog.partner.SupplierService;
import org.lotledger.catalog.partner.Suppliers;
import org.lotledger.catalog.reason.PostingTypeName;
import org.lotledger.catalog.reason.ReasonCodeDraft;
import org.lotledger.catalog.reason.ReasonCodeNames;
import org.lotledger.catalog.reason.ReasonCodeService;
import org.lotledger.catalog.reason.ReasonCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo master data from the seed scenario: a distributor of temperature-sensitive healthcare products with three
 * regional warehouses, eight manufacturers with different lot-labelling conventions, hospitals, clinics and
 * field-service teams. Goes through the application services (so it is validated and audited as actor
 * {@code system}); idempotent: anything that already exists by its code is left alone. Never in prod.
 *
 * <p>Long because it is data: the demo catalog written out record by record, read top to bottom; it has no logic to
 * split.
 */
@Component
@ConditionalOnProperty(name = "lotledger.demo.enabled", havingValue = "true")
public class DemoCatalogLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogLoader.class);

    public static final String ACTOR = "system";

    // warehouses
    public static final String EAST = "EAST";
    public static final String CENTRAL = "CENTRAL";
    public static final String WEST = "WEST";
    public static final List<String> WAREHOUSES = List.of(EAST, CENTRAL, WEST);

    // location barcodes (every warehouse has the same layout: <WH>-<ZONE>-<rack>-<level>)
    public static final String EAST_DOCK = "EAST-DOCK-01";
    public static final String EAST_QUARANTINE = "EAST-QUAR-01";
    public static final String EAST_AMBIENT_1 = "EAST-AMB-01-01";
    public static final String EAST_AMBIENT_2 = "EAST-AMB-01-02";
    public static final String EAST_CHILLED_1 = "EAST-CHL-01-01";
    public static final String EAST_CHILLED_2 = "EAST-CHL-01-02";
    public static final String EAST_FROZEN_1 = "EAST-FRZ-01-01";
    public static final String EAST_PICK_1 = "EAST-PICK-01-01";
    public static final String EAST_SHIP = "EAST-SHIP-01";
    public static final String WEST_CHILLED_1 = "WEST-CHL-01-01";
    public static final String CENTRAL_AMBIENT_1 = "CENTRAL-AMB-01-01";

    // suppliers (manufacturers)
    public static final String SUP_NORDVAX = "NORDVAX";
    public static final String SUP_MEDIGLOVE = "MEDIGLOVE";
    public static final String SUP_BIOSALINE = "BIOSALINE";
    public static final String SUP_SURGIPLY = "SURGIPLY";
    public static final String SUP_GLUCORA = "GLUCORA";
    public static final String SUP_WOUNDWELL = "WOUNDWELL";
    public static final String SUP_DIAGNOSTIX = "DIAGNOSTIX";
    public static final String SUP_CHEAPMED = "CHEAPMED";

    // customers
    public static final String CUS_MERCY_HOSPITAL = "MERCY-HOSP";
    public static final String CUS_FIELD_EAST = "FIELD-EAST";

    // items
    public static final String SKU_MRNA_VACCINE = "VAC-MRNA-FRZ";
    public static final String SKU_FLU_VACCINE = "VAC-FLU-CHL";
    public static final String SKU_INSULIN_PEN = "INS-GLA-PEN";
    public static final String SKU_INSULIN_VIAL = "INS-RAP-VIAL";
    public static final String SKU_SALINE = "SAL-09-500";
    public static final String SKU_SYRINGE = "SYR-3ML";
    public static final String SKU_GLOVES_M = "GLV-NIT-M";
    public static final String SKU_GLOVES_L = "GLV-NIT-L";
    public static final String SKU_DRESSING = "DRS-FOAM-10";
    public static final String SKU_STREP_TEST = "TST-STREP";
    public static final String SKU_GLUCOSE_STRIPS = "TST-GLU-50";
    public static final String SKU_N95 = "MSK-N95";

    // lots: the same lot number from two suppliers, and a batch reference a recall would name
    public static final String LOT_SHARED_NUMBER = "12345";
    public static final String RECALL_BATCH_REF = "MFG-2026-0042";

    // lots for allocation (issue 9, §10); expiries relative to the day the demo catalog was first loaded
    /** saline, expired 10 days before the first load (ALLOC-020) */
    public static final String LOT_SALINE_EXPIRED = "B2025-090";
    /** saline, 150 days left: enough for the item's 120 at shipment, short of Mercy General's 180 (ALLOC-030) */
    public static final String LOT_SALINE_SHORT_DATED = "B2026-014";
    /** insulin pens placed under a quality hold by quinn (DemoHoldLoader, ALLOC-040) */
    public static final String LOT_INSULIN_HELD = "AB0977";
    /** glucose strips, 200 days left: loose units on the pick faces */
    public static final String LOT_STRIPS_EARLY = "GS2601";
    /** glucose strips, 400 days left: full cases in storage */
    public static final String LOT_STRIPS_LATE = "GS2605";

    // lots for the demo transfers (issue 10, §5, transfers.DemoTransferLoader): their own stock, sent in full, so
    // that the other demo lots' quantities stay as the sales orders and tests expect them
    /** flu vaccine sent EAST → WEST, in transit */
    public static final String LOT_FLU_IN_TRANSIT = "34567";
    /** saline sent CENTRAL → EAST, overdue */
    public static final String LOT_SALINE_OVERDUE = "B2026-031";

    /** Items that ask allocation for whole cases from storage and the remainder from the pick face (ALLOC-080). */
    public static final Set<String> WHOLE_CASES_FROM_STORAGE = Set.of(SKU_GLUCOSE_STRIPS);

    private final WarehouseService warehouseService;
    private final ZoneService zoneService;
    private final LocationService locationService;
    private final SupplierService supplierService;
    private final CustomerService customerService;
    private final ItemService itemService;
    private final ReasonCodeService reasonCodeService;
    private final LotService lotService;
    private final Warehouses warehouses;
    private final Zones zones;
    private final Locations locations;
    private final Suppliers suppliers;
    private final Customers customers;
    private final Items items;
    private final ReasonCodes reasonCodes;
    private final Lots lots;
    private final CatalogAuditLog audit;

    private int created;

    public DemoCatalogLoader(
            WarehouseService warehouseService,
            ZoneService zoneService,
            LocationService locationService,
            SupplierService supplierService,
            CustomerService customerService,
            ItemService itemService,
            ReasonCodeService reasonCodeService,
            LotService lotService,
            Warehouses warehouses,
            Zones zones,
            Locations locations,
            Suppliers suppliers,
            Customers customers,
            Items items,
            ReasonCodes reasonCodes,
            Lots lots,
            CatalogAuditLog audit) {
        this.warehouseService = warehouseService;
        this.zoneService = zoneService;
        this.locationService = locationService;
        this.supplierService = supplierService;
        this.customerService = customerService;
        this.itemService = itemService;
        this.reasonCodeService = reasonCodeService;
        this.lotService = lotService;
        this.warehouses = warehouses;
        this.zones = zones;
        this.locations = locations;
        this.suppliers = suppliers;
        this.customers = customers;
        this.items = items;
        this.reasonCodes = reasonCodes;
        this.lots = lots;
        this.audit = audit;
    }

    /** After the demo identities (order 0). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void onReady() {
        load();
    }

    /** Creates whatever is missing; returns how many rows it created (0 when everything exists). */
    public synchronized int load() {
        created = 0;
        warehousesZonesAndLocations();
        suppliers();
        customers();
        reasonCodes();
        items();
        wholeCasesFlags();
        lots();
        if (created > 0) {
            log.info("Demo catalog: created {} master-data rows", created);
        }
        return created;
    }

    private record ZoneSpec(
            String code,
            String name,
            ZoneType type,
            Set<StockStatus> statuses,
            Set<TemperatureClass> temperatures,
            List<String> bins,
            Integer capacity) {}

    private static final List<ZoneSpec> LAYOUT = List.of(
            new ZoneSpec(
                    "DOCK",
                    "Receiving dock",
                    ZoneType.RECEIVING_DOCK,
                    of(QUARANTINE),
                    of(AMBIENT, CHILLED, FROZEN),
                    List.of("01", "02"),
                    null),
            new ZoneSpec(
                    "QUAR",
                    "Quarantine",
                    ZoneType.QUARANTINE,
                    of(QUARANTINE, HOLD),
                    of(AMBIENT, CHILLED, FROZEN),
                    List.of("01"),
                    null),
            new ZoneSpec(
                    "REJ",
                    "Reject / return-to-vendor staging",
                    ZoneType.REJECT_STAGING,
                    of(REJECTED, HOLD),
                    of(AMBIENT, CHILLED, FROZEN),
                    List.of("01"),
                    null),
            new ZoneSpec(
                    "AMB",
                    "Storage ambient",
                    ZoneType.STORAGE,
                    of(AVAILABLE, HOLD),
                    of(AMBIENT),
                    List.of("01-01", "01-02", "02-01"),
                    5000),
            new ZoneSpec(
                    "CHL",
                    "Storage chilled 2–8 °C",
                    ZoneType.STORAGE,
                    of(AVAILABLE, HOLD),
                    of(CHILLED),
                    List.of("01-01", "01-02"),
                    2000),
            new ZoneSpec(
                    "FRZ", "Storage frozen", ZoneType.STORAGE, of(AVAILABLE, HOLD), of(FROZEN), List.of("01-01"), 1000),
            new ZoneSpec(
                    "PICK",
                    "Pick face",
                    ZoneType.PICK_FACE,
                    of(AVAILABLE),
                    of(AMBIENT, CHILLED),
                    List.of("01-01", "01-02"),
                    300),
            new ZoneSpec(
                    "SHIP",
                    "Shipping",
                    ZoneType.SHIPPING,
                    of(AVAILABLE),
                    of(AMBIENT, CHILLED, FROZEN),
                    List.of("01"),
                    null),
            new ZoneSpec(
                    "RET",
                    "Returns",
                    ZoneType.RETURNS,
                    of(QUARANTINE, HOLD),
                    of(AMBIENT, CHILLED, FROZEN),
                    List.of("01"),
                    null));

    private void warehousesZonesAndLocations() {
        warehouse(
                EAST,
                "East regional DC (Newark)",
                "America/New_York",
                new Address("1200 McCarter Highway", "Dock doors 4-12", "Newark", "07104", "NJ", "US"),
                1);
        warehouse(
                CENTRAL,
                "Central regional DC (Kansas City)",
                "America/Chicago",
                new Address("8400 NE Underground Drive", null, "Kansas City", "64161", "MO", "US"),
                2);
        warehouse(
                WEST,
                "West regional DC (Sacramento)",
                "America/Los_Angeles",
                new Address("4750 Power Inn Road", "Building B", "Sacramento", "95826", "CA", "US"),
                3);
        for (String wh : WAREHOUSES) {
            Warehouse w = warehouses.findByCode(wh).orElseThrow();
            for (ZoneSpec z : LAYOUT) {
                Zone zone = zones.findByWarehouseIdAndCode(w.getId(), z.code()).orElseGet(() -> {
                    created++;
                    zoneService.create(
                            new ZoneDraft(w.getId(), z.code(), z.name(), z.type(), z.statuses(), z.temperatures()),
                            ACTOR);
                    return zones.findByWarehouseIdAndCode(w.getId(), z.code()).orElseThrow();
                });
                for (String bin : z.bins()) {
                    String barcode = wh + "-" + z.code() + "-" + bin;
                    if (!locations.existsByCode(barcode)) {
                        created++;
                        locationService.create(
                                new LocationDraft(
                                        zone.getId(),
                                        barcode,
                                        barcode,
                                        z.name() + " " + bin,
                                        z.capacity() == null ? null : BigDecimal.valueOf(z.capacity())),
                                ACTOR);
                    }
                }
            }
        }
    }

    private void warehouse(String code, String name, String tz, Address address, int glnNumber) {
        if (!warehouses.existsByCode(code)) {
            created++;
            warehouseService.create(new WarehouseDraft(code, name, tz, null, address, demoGln(glnNumber)), ACTOR);
        }
    }

    /**
     * GLN with GS1's documentation company prefix 0614141 and a location reference (1-99 our warehouses, 100 and up
     * our customers), completed with its real check digit.
     */
    public static String demoGln(int locationReference) {
        String data = "0614141" + String.format("%05d", locationReference);
        return data + Gtin.checkDigit(data);
    }

    private void suppliers() {
        supplier(SUP_NORDVAX, "NordVax Biologics", ApprovalStatus.APPROVED, "LOT-(?<lot>\\d{5})", "LOT-12345");
        supplier(SUP_MEDIGLOVE, "MediGlove Industries", ApprovalStatus.APPROVED, "(?<lot>\\d{5}[A-Z])", "12345A");
        supplier(SUP_BIOSALINE, "BioSaline Labs", ApprovalStatus.APPROVED, "(?<lot>B\\d{4}-\\d{3})", "B2026-001");
        supplier(
                SUP_SURGIPLY,
                "SurgiPly Devices",
                ApprovalStatus.APPROVED,
                "\\(10\\)(?<lot>[A-Z0-9]{1,20})",
                "(10)ABC123");
        supplier(
                SUP_GLUCORA,
                "Glucora Pharma",
                ApprovalStatus.APPROVED,
                "(?i)lot[ :-]?(?<lot>[a-z]{2}\\d{4})",
                "lot:ab1234");
        supplier(SUP_WOUNDWELL, "WoundWell Medical", ApprovalStatus.PROBATION, "(?<lot>WW\\d{6})", "WW202611");
        supplier(SUP_DIAGNOSTIX, "Diagnostix Kits", ApprovalStatus.APPROVED, "(?:L/)?(?<lot>\\d{5})", "L/12345");
        supplier(SUP_CHEAPMED, "CheapMed Trading", ApprovalStatus.BLOCKED, "(?<lot>[A-Z0-9]{6,12})", "CM12345X");
    }

    private void supplier(String code, String name, ApprovalStatus status, String pattern, String example) {
        if (!suppliers.existsByCode(code)) {
            created++;
            supplierService.create(new SupplierDraft(code, name, status, pattern, example), ACTOR);
        }
    }

    private void customers() {
        customer(
                CUS_MERCY_HOSPITAL,
                "Mercy General Hospital",
                CustomerType.HOSPITAL,
                180,
                new Address("350 Lafayette Street", "Central receiving, loading dock B", "Newark", "07105", "NJ", "US"),
                101,
                new RecallContact("Pharmacy recall coordinator", "recalls@mercy-general.example", "+1 973 555 0142"));
        customer(
                "STLUKE-HOSP",
                "St. Luke's Medical Center",
                CustomerType.HOSPITAL,
                120,
                new Address("1100 Walnut Street", "Materials management", "Kansas City", "64106", "MO", "US"),
                102,
                new RecallContact("Director of pharmacy", "pharmacy.recalls@stlukes.example", "+1 816 555 0187"));
        customer(
                "PACIFIC-HOSP",
                "Pacific Children's Hospital",
                CustomerType.HOSPITAL,
                120,
                new Address("2800 Capitol Avenue", "Receiving dock 2", "Sacramento", "95816", "CA", "US"),
                103,
                new RecallContact("Medication safety officer", "recall@pacific-childrens.example", "+1 916 555 0110"));
        customer(
                "QUEENS-CLINIC",
                "Queens Family Clinic",
                CustomerType.CLINIC,
                90,
                new Address("89-14 Sutphin Boulevard", "Suite 2", "Jamaica", "11435", "NY", "US"),
                104,
                new RecallContact("Dr. Priya Raman, clinic manager", "office@queensfamily.example", "+1 718 555 0163"));
        customer(
                "DENVER-CLINIC",
                "Denver Urgent Care Clinic",
                CustomerType.CLINIC,
                60,
                new Address("1550 Larimer Street", null, "Denver", "80202", "CO", "US"),
                105,
                new RecallContact("Lead nurse", "lead.nurse@denverurgent.example", "+1 303 555 0129"));
        customer(
                "PORTLAND-CLINIC",
                "Portland Community Health",
                CustomerType.CLINIC,
                60,
                new Address("2330 NW Flanders Street", null, "Portland", "97210", "OR", "US"),
                106,
                new RecallContact("Clinic pharmacist", "pharmacy@portlandcommunity.example", "+1 503 555 0171"));
        customer(
                CUS_FIELD_EAST,
                "Field service team East (mobile vaccination)",
                CustomerType.FIELD_SERVICE,
                30,
                // the team's depot: vans are loaded there
                new Address("75 Raymond Plaza West", "Fleet depot", "Newark", "07102", "NJ", "US"),
                null,
                new RecallContact("Field operations dispatcher", "dispatch-east@fieldcare.example", "+1 973 555 0100"));
        customer(
                "FIELD-WEST",
                "Field service team West (home care)",
                CustomerType.FIELD_SERVICE,
                30,
                new Address("3100 Folsom Boulevard", "Fleet depot", "Sacramento", "95816", "CA", "US"),
                null,
                new RecallContact("Field operations dispatcher", "dispatch-west@fieldcare.example", "+1 916 555 0100"));
    }

    private void customer(
            String code,
            String name,
            CustomerType type,
            int minShelfLifeDays,
            Address shipTo,
            Integer glnNumber,
            RecallContact recallContact) {
        if (!customers.existsByCode(code)) {
            created++;
            customerService.create(
                    new CustomerDraft(
                            code,
                            name,
                            type,
                            minShelfLifeDays,
                            shipTo,
                            glnNumber == null ? null : demoGln(glnNumber),
                            recallContact),
                    ACTOR);
        }
    }

    private void reasonCodes() {
        reason(ReasonCodeNames.OPENING, "Opening balance at go-live", of(OPENING_BALANCE), false);
        reason(ReasonCodeNames.COUNT_VARIANCE, "Cycle count variance", of(ADJUSTMENT), true);
        reason(ReasonCodeNames.FOUND, "Stock found that was not on record", of(ADJUSTMENT), true);
        reason(ReasonCodeNames.DAMAGED, "Damaged in the warehouse", of(ADJUSTMENT, SCRAP, SHORT_PICK), false);
        reason(ReasonCodeNames.EXPIRED, "Expired stock written off", of(SCRAP), false);
        reason(ReasonCodeNames.SCRAP_DAMAGED, "Scrapped because damaged", of(SCRAP), false);
        reason(ReasonCodeNames.RECALLED, "Recalled stock destroyed", of(SCRAP), false);
        reason(ReasonCodeNames.TEMP_EXCURSION, "Temperature excursion", of(STATUS_CHANGE, SCRAP), true);
        reason(ReasonCodeNames.QA_DESTRUCTIVE_TEST, "Destructive QA test sample", of(QA_SAMPLE), false);
        reason(ReasonCodeNames.DATA_ENTRY_ERROR, "Correction of a data-entry error", of(REVERSAL), false);
        reason(
                ReasonCodeNames.PUTAWAY_OVERRIDE,
                "Putaway to another location than directed",
                of(DIRECTED_PUTAWAY_OVERRIDE, PUTAWAY),
                false);
        reason(ReasonCodeNames.RTV_DEFECT, "Returned to vendor: defect", of(RETURN_TO_VENDOR), false);
        reason(ReasonCodeNames.CUSTOMER_RETURN, "Customer return", of(RETURN), false);
        reason(
                ReasonCodeNames.CUSTOMER_REQUEST,
                "The customer asked for this lot",
                of(ALLOCATION_OVERRIDE, PICK),
                false);
        reason(
                ReasonCodeNames.EXPIRY_MATCH,
                "Another lot of the same expiry as allocated",
                of(ALLOCATION_OVERRIDE, PICK),
                false);
        reason(
                ReasonCodeNames.LOT_NOT_ACCESSIBLE,
                "The allocated lot cannot be reached; the lot in front taken",
                of(ALLOCATION_OVERRIDE, PICK),
                false);
        reason(
                ReasonCodeNames.LONGER_DATING_REQUESTED,
                "Customer asked for a later expiry than allocated",
                of(ALLOCATION_OVERRIDE, PICK),
                true);
        reason(ReasonCodeNames.NOT_FOUND, "Short pick: not found at the location", of(SHORT_PICK), false);
        reason(ReasonCodeNames.LABEL_UNREADABLE, "Short pick: lot label unreadable", of(SHORT_PICK), false);
        reason(
                ReasonCodeNames.SHORT_DATED_ON_SHELF,
                "Short pick: expired or short-dated on the shelf",
                of(SHORT_PICK),
                false);
        transferReasonCodes();
    }

    /**
     * The reasons of the postings that resolve an inter-warehouse transfer's discrepancies (ADR 0013); FOUND (above)
     * is the found-stock adjustment at the destination.
     */
    private void transferReasonCodes() {
        reason(ReasonCodeNames.TRANSIT_LOSS, "Lost in transit, written off at the destination", of(ADJUSTMENT), true);
        reason(ReasonCodeNames.TRANSFER_NOT_SHIPPED, "Transfer line never left the origin", of(REVERSAL), false);
        reason(
                ReasonCodeNames.WRONG_LOT_SHIPPED,
                "Another lot was shipped than recorded",
                of(REVERSAL, PostingTypeName.TRANSFER_OUT),
                false);
        reason(
                ReasonCodeNames.OVER_SHIPPED,
                "Origin shipped more than recorded",
                of(PostingTypeName.TRANSFER_OUT),
                false);
        reason(
                ReasonCodeNames.DAMAGED_IN_TRANSIT,
                "Damaged in transit, received into quarantine",
                of(PostingTypeName.TRANSFER_IN, SCRAP),
                false);
        reason(
                ReasonCodeNames.TRANSIT_TEMP_EXCURSION,
                "Cold chain broken in transit, received into quarantine",
                of(PostingTypeName.TRANSFER_IN, SCRAP),
                false);
    }

    private void reason(String code, String description, Set<PostingTypeName> types, boolean approval) {
        if (!reasonCodes.existsByCode(code)) {
            created++;
            reasonCodeService.create(new ReasonCodeDraft(code, description, types, approval), ACTOR);
        }
    }

    private void items() {
        item(
                1,
                SKU_MRNA_VACCINE,
                "mRNA vaccine multi-dose vial",
                true,
                true,
                270,
                60,
                90,
                0,
                AllocationMethod.FEFO,
                FROZEN,
                "Vaccines",
                "BIOLOGIC",
                "19.50",
                10,
                12);
        item(
                2,
                SKU_FLU_VACCINE,
                "Influenza vaccine prefilled syringe 0.5 mL",
                true,
                true,
                365,
                90,
                90,
                0,
                AllocationMethod.FEFO,
                CHILLED,
                "Vaccines",
                "BIOLOGIC",
                "8.75",
                10,
                10);
        item(
                3,
                SKU_INSULIN_PEN,
                "Insulin glargine pen 100 U/mL",
                true,
                true,
                730,
                120,
                90,
                7,
                AllocationMethod.FEFO,
                CHILLED,
                "Insulin",
                "RX",
                "24.00",
                5,
                20);
        item(
                4,
                SKU_INSULIN_VIAL,
                "Rapid-acting insulin vial 10 mL",
                true,
                true,
                730,
                120,
                90,
                7,
                AllocationMethod.FEFO,
                CHILLED,
                "Insulin",
                "RX",
                "31.20",
                10,
                12);
        item(
                5,
                SKU_SALINE,
                "Sodium chloride 0.9 % 500 mL bag",
                true,
                true,
                1095,
                180,
                120,
                30,
                AllocationMethod.FEFO,
                AMBIENT,
                "IV solutions",
                "RX",
                "1.85",
                12,
                2);
        item(
                6,
                SKU_SYRINGE,
                "Syringe 3 mL luer lock, sterile",
                true,
                true,
                1825,
                365,
                180,
                30,
                AllocationMethod.FEFO,
                AMBIENT,
                "Syringes",
                "CLASS_II",
                "0.12",
                100,
                10);
        item(
                7,
                SKU_GLOVES_M,
                "Nitrile examination gloves, size M",
                true,
                false,
                null,
                0,
                0,
                0,
                AllocationMethod.FIFO,
                AMBIENT,
                "Gloves",
                "CLASS_I",
                "0.05",
                100,
                10);
        item(
                8,
                SKU_GLOVES_L,
                "Nitrile examination gloves, size L",
                true,
                false,
                null,
                0,
                0,
                0,
                AllocationMethod.FIFO,
                AMBIENT,
                "Gloves",
                "CLASS_I",
                "0.05",
                100,
                10);
        item(
                9,
                SKU_DRESSING,
                "Foam wound dressing 10 × 10 cm",
                true,
                true,
                1095,
                180,
                90,
                14,
                AllocationMethod.FEFO,
                AMBIENT,
                "Wound care",
                "CLASS_II",
                "2.40",
                10,
                12);
        item(
                10,
                SKU_STREP_TEST,
                "Rapid strep A test kit",
                true,
                true,
                540,
                90,
                60,
                7,
                AllocationMethod.FEFO,
                CHILLED,
                "Diagnostics",
                "IVD",
                "3.10",
                25,
                8);
        item(
                11,
                SKU_GLUCOSE_STRIPS,
                "Blood glucose test strips, vial of 50",
                true,
                true,
                540,
                120,
                90,
                14,
                AllocationMethod.FEFO,
                AMBIENT,
                "Diagnostics",
                "IVD",
                "9.90",
                4,
                12);
        item(
                12,
                SKU_N95,
                "N95 respirator mask",
                true,
                false,
                null,
                0,
                0,
                0,
                AllocationMethod.FIFO,
                AMBIENT,
                "PPE",
                "CLASS_II",
                "0.95",
                20,
                10);
    }

    private void item(
            int n,
            String sku,
            String name,
            boolean lotControlled,
            boolean expiryRequired,
            Integer shelfLife,
            int minRemaining,
            int minRemainingAtShipment,
            int fefoWindow,
            AllocationMethod method,
            TemperatureClass temp,
            String family,
            String risk,
            String cost,
            int eachPerBox,
            int boxesPerCase) {
        if (items.existsBySku(sku)) {
            return;
        }
        created++;
        List<GtinAssignment> gtins = new ArrayList<>();
        gtins.add(new GtinAssignment(demoGtin(0, n), "EA"));
        gtins.add(new GtinAssignment(demoGtin(1, n), "BOX"));
        gtins.add(new GtinAssignment(demoGtin(3, n), "CASE"));
        itemService.create(
                new ItemDraft(
                        sku,
                        name,
                        "EA",
                        lotControlled,
                        expiryRequired,
                        false,
                        shelfLife,
                        minRemaining,
                        minRemainingAtShipment,
                        fefoWindow,
                        WHOLE_CASES_FROM_STORAGE.contains(sku),
                        method,
                        temp,
                        family,
                        risk,
                        new BigDecimal(cost),
                        "USD",
                        List.of(
                                new UnitDefinition("BOX", BigDecimal.valueOf(eachPerBox), "EA"),
                                new UnitDefinition("CASE", BigDecimal.valueOf(boxesPerCase), "BOX")),
                        gtins),
                ACTOR);
    }

    /**
     * A demo database loaded before the flag existed (V94) has the whole-cases items without it: set it once, through
     * the item service (versioned, audited as {@code system}). An item whose flag somebody cleared (the audit shows
     * {@code wholeCasesFromStorage} changed to false) is left as it is, so a restart never undoes an edit.
     */
    private void wholeCasesFlags() {
        for (String sku : WHOLE_CASES_FROM_STORAGE) {
            Item item = items.findBySku(sku).orElse(null);
            if (item == null || item.isWholeCasesFromStorage()) {
                continue;
            }
            boolean clearedByAnEdit = audit.history(ItemService.ENTITY, item.getId()).stream()
                    .map(e -> e.getChanges() == null ? null : e.getChanges().get("wholeCasesFromStorage"))
                    .anyMatch(c -> c instanceof java.util.Map<?, ?> change && Boolean.FALSE.equals(change.get("to")));
            if (clearedByAnEdit) {
                continue;
            }
            ItemView v = itemService.get(item.getId());
            created++;
            itemService.update(
                    item.getId(),
                    v.version(),
                    new ItemDraft(
                            v.sku(),
                            v.name(),
                            v.baseUom(),
                            v.lotControlled(),
                            v.expiryRequired(),
                            v.bestBeforeAsExpiry(),
                            v.shelfLifeDays(),
                            v.minRemainingShelfLifeDays(),
                            v.minRemainingShelfLifeAtShipmentDays(),
                            v.fefoWindowDays(),
                            true,
                            v.allocationMethod(),
                            v.temperatureClass(),
                            v.itemFamily(),
                            v.riskClass(),
                            v.standardUnitCost(),
                            v.currency(),
                            v.units().stream()
                                    .filter(u -> !u.uom().equals(v.baseUom()))
                                    .map(u ->
                                            new UnitDefinition(u.uom(), BigDecimal.valueOf(u.baseUnits()), v.baseUom()))
                                    .toList(),
                            v.gtins()),
                    ACTOR);
        }
    }

    /**
     * GTIN-14 with a packaging indicator (0 each, 1 box, 3 case), GS1's documentation company prefix 0614141 and
     * an item reference, completed with its real check digit.
     */
    public static String demoGtin(int packagingIndicator, int itemNumber) {
        String data = packagingIndicator + "0614141" + String.format("%05d", itemNumber);
        return data + Gtin.checkDigit(data);
    }

    private void lots() {
        LocalDate today = LocalDate.now();
        lot(
                SKU_MRNA_VACCINE,
                SUP_NORDVAX,
                LOT_SHARED_NUMBER,
                RECALL_BATCH_REF,
                today.minusMonths(2),
                today.plusMonths(7));
        // the same lot number from another manufacturer is another lot
        lot(
                SKU_STREP_TEST,
                SUP_DIAGNOSTIX,
                LOT_SHARED_NUMBER,
                "DX-" + LOT_SHARED_NUMBER,
                today.minusMonths(3),
                today.plusMonths(14));
        lot(SKU_FLU_VACCINE, SUP_NORDVAX, "23456", RECALL_BATCH_REF, today.minusMonths(1), today.plusMonths(11));
        lot(SKU_INSULIN_PEN, SUP_GLUCORA, "AB1234", "GL-24-118", today.minusMonths(4), today.plusMonths(20));
        lot(SKU_SALINE, SUP_BIOSALINE, "B2026-001", "BS2026001", today.minusMonths(6), today.plusMonths(30));
        lot(SKU_SYRINGE, SUP_SURGIPLY, "ABC123", null, today.minusMonths(5), today.plusYears(4));
        lot(SKU_GLOVES_M, SUP_MEDIGLOVE, "12345A", null, today.minusMonths(2), null);
        lot(SKU_DRESSING, SUP_WOUNDWELL, "WW202611", "WW-B-77", today.minusMonths(1), today.plusMonths(35));
        // for allocation: an expired and a short-dated saline lot, a held insulin lot, two lots of glucose strips
        lot(SKU_SALINE, SUP_BIOSALINE, LOT_SALINE_EXPIRED, "BS2025090", today.minusDays(1105), today.minusDays(10));
        lot(SKU_SALINE, SUP_BIOSALINE, LOT_SALINE_SHORT_DATED, "BS2026014", today.minusDays(945), today.plusDays(150));
        lot(SKU_INSULIN_PEN, SUP_GLUCORA, LOT_INSULIN_HELD, "GL-25-977", today.minusMonths(16), today.plusMonths(8));
        lot(SKU_GLUCOSE_STRIPS, SUP_GLUCORA, LOT_STRIPS_EARLY, null, today.minusDays(340), today.plusDays(200));
        lot(SKU_GLUCOSE_STRIPS, SUP_GLUCORA, LOT_STRIPS_LATE, null, today.minusDays(140), today.plusDays(400));
        // for the demo transfers
        lot(SKU_FLU_VACCINE, SUP_NORDVAX, LOT_FLU_IN_TRANSIT, null, today.minusMonths(1), today.plusMonths(12));
        lot(SKU_SALINE, SUP_BIOSALINE, LOT_SALINE_OVERDUE, null, today.minusMonths(2), today.plusMonths(30));
    }

    private void lot(
            String sku,
            String supplierCode,
            String lotNumber,
            String batchRef,
            LocalDate manufactured,
            LocalDate expires) {
        Item item = items.findBySku(sku).orElseThrow();
        Supplier supplier = suppliers.findByCode(supplierCode).orElseThrow();
        if (lots.findByItemIdAndSupplierIdAndLotNumber(item.getId(), supplier.getId(), lotNumber)
                .isPresent()) {
            return;
        }
        created++;
        lotService.create(
                new LotDraft(
                        item.getId(),
                        supplier.getId(),
                        lotNumber,
                        batchRef,
                        manufactured,
                        expires,
                        null,
                        null,
                        null,
                        null),
                ACTOR);
    }
}
