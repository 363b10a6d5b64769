package org.lotledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.lotledger.catalog.demo.DemoCatalogLoader;
import org.lotledger.fulfillment.SalesOrdering;
import org.lotledger.fulfillment.picking.PickingFixtures;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.web.ContractHttp.Answer;
import org.lotledger.platform.web.ContractHttp.Call;
import org.lotledger.support.IdempotencyKeys;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The table of the idempotency contract: for every write operation of the API (as {@code /v3/api-docs} names it,
 * {@code "POST /api/moves"}), how to build a fresh fixture and the requests the contract sends on it, as the user
 * docs/security.md allows for it. A new write operation needs a row here, or {@link IdempotencyContractTest} fails
 * and says so.
 */
final class WriteOperationCases {

    /**
     * The requests of one operation on one fresh fixture.
     *
     * @param valid   a request that succeeds, answering {@code status}
     * @param status  what {@code valid} answers the first time
     * @param other   another request (another body, path or operation) by the same user, sent with valid's key: 409
     * @param refused a request by the same user that is refused (4xx), sent with valid's key before valid: the
     *                refusal must not keep the key
     * @param growing rows the effect adds in proportion to what exists already, taken off before two effects are
     *                compared (a new warehouse gets an in-transit location to and from every other warehouse)
     */
    record Scenario(Call valid, int status, Call other, Call refused, Map<String, Long> growing) {

        Scenario(Call valid, int status, Call other, Call refused) {
            this(valid, status, other, refused, Map.of());
        }

        /** The part of an effect (row-count changes) that does not depend on what existed before. */
        Map<String, Long> ownPartOf(Map<String, Long> effect) {
            Map<String, Long> own = new java.util.TreeMap<>(effect);
            growing.forEach((table, n) -> own.merge(table, -n, Long::sum));
            own.values().removeIf(n -> n == 0);
            return own;
        }
    }

    static final String ADMIN = "admin";
    static final String RITA = "rita"; // receiving
    static final String SUSAN = "susan"; // receiving-supervisors
    static final String QUINN = "quinn"; // quality
    static final String MARIA = "maria"; // quality + quality-managers
    static final String WALT = "walt"; // warehouse
    static final String IVY = "ivy"; // inventory-control
    static final String ERP = "erp"; // integration
    static final String OTTO = "otto"; // operations
    static final String NO_SUCH_ID = "999999999";
    static final String STALE = "\"99\"";

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final AtomicInteger GLOVE_LOTS =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(70_000, 95_000));

    private final ContractHttp http;
    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final ObjectMapper json;
    private final org.springframework.context.ApplicationContext context;
    private final Map<String, Supplier<Scenario>> cases = new LinkedHashMap<>();

    WriteOperationCases(
            ContractHttp http,
            JdbcTemplate jdbc,
            Ledger ledger,
            ObjectMapper json,
            org.springframework.context.ApplicationContext context) {
        this.http = http;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.json = json;
        this.context = context;
        catalog();
        lots();
        ledgerWrites();
        purchasing();
        salesOrders();
        allocationOverrides();
        shipments();
        picking();
        transfers();
        transferReceipts();
        receiving();
        holds();
        relabels();
        recalls();
        recallFollowUp();
    }

    /**
     * The cases of an operation, by name: the operation itself ({@code "POST /api/recalls"}) and its variants, an
     * operation whose body selects what it does ({@code "POST /api/recalls [MOCK]"}); each keeps the whole contract.
     */
    Map<String, Supplier<Scenario>> casesFor(String operation) {
        Map<String, Supplier<Scenario>> found = new LinkedHashMap<>();
        cases.forEach((name, scenario) -> {
            if (operationOf(name).equals(operation)) {
                found.put(name, scenario);
            }
        });
        return found;
    }

    /** The operations the table has cases for (variants counted under their operation). */
    Set<String> operations() {
        Set<String> operations = new java.util.TreeSet<>();
        cases.keySet().forEach(name -> operations.add(operationOf(name)));
        return operations;
    }

    /** {@code "POST /api/recalls [MOCK]"} → {@code "POST /api/recalls"}. */
    static String operationOf(String caseName) {
        int variant = caseName.indexOf(" [");
        return variant < 0 ? caseName : caseName.substring(0, variant);
    }

    // ---- catalog (admin)
    // ---------------------------------------------------------------------------------------------

    private void catalog() {
        catalogEntity(
                "/api/warehouses",
                "name",
                () -> body("code", code("W"), "name", "Contract warehouse", "timeZone", "Europe/Berlin"),
                () -> body("code", DemoCatalogLoader.EAST, "name", "Taken code", "timeZone", "Europe/Berlin"));
        catalogEntity(
                "/api/zones",
                "name",
                () -> {
                    LedgerFixtures f = new LedgerFixtures(jdbc);
                    return body(
                            "warehouseId",
                            f.warehouseId,
                            "code",
                            code("Z"),
                            "name",
                            "Contract zone",
                            "zoneType",
                            "STORAGE",
                            "allowedStatuses",
                            List.of("AVAILABLE", "HOLD"));
                },
                () -> {
                    LedgerFixtures f = new LedgerFixtures(jdbc);
                    return body(
                            "warehouseId",
                            f.warehouseId,
                            "code",
                            "STORE",
                            "name",
                            "Taken code",
                            "zoneType",
                            "STORAGE",
                            "allowedStatuses",
                            List.of("AVAILABLE"));
                });
        catalogEntity(
                "/api/locations",
                "name",
                () -> {
                    LedgerFixtures f = new LedgerFixtures(jdbc);
                    return body("zoneId", zoneOf(f.location("A1")), "barcode", code("B"), "name", "Contract bin");
                },
                () -> {
                    LedgerFixtures f = new LedgerFixtures(jdbc);
                    return body(
                            "zoneId", zoneOf(f.location("A1")), "barcode", f.barcode("A1"), "name", "Taken barcode");
                });
        catalogEntity(
                "/api/suppliers",
                "name",
                () -> body("code", code("S"), "name", "Contract supplier", "approvalStatus", "APPROVED"),
                () -> body("code", DemoCatalogLoader.SUP_NORDVAX, "name", "Taken code", "approvalStatus", "APPROVED"));
        catalogEntity(
                "/api/customers",
                "name",
                () -> body("code", code("C"), "name", "Contract customer", "customerType", "HOSPITAL"),
                () -> body(
                        "code",
                        DemoCatalogLoader.CUS_MERCY_HOSPITAL,
                        "name",
                        "Taken code",
                        "customerType",
                        "HOSPITAL"));
        catalogEntity(
                "/api/reason-codes",
                "description",
                () -> body(
                        "code",
                        code("R"),
                        "description",
                        "Contract reason",
                        "postingTypes",
                        List.of("ADJUSTMENT"),
                        "requiresApproval",
                        false),
                () -> body(
                        "code",
                        "FOUND",
                        "description",
                        "Taken code",
                        "postingTypes",
                        List.of("ADJUSTMENT"),
                        "requiresApproval",
                        false));
        catalogEntity(
                "/api/items", "name", () -> itemDraft(code("SKU")), () -> itemDraft(DemoCatalogLoader.SKU_FLU_VACCINE));
    }

    /**
     * The four writes of a catalog entity: create (201), PUT with the current ETag (200), DELETE and POST
     * .../deactivate with it (200). Refused: a taken code on create, a stale If-Match on the others.
     */
    private void catalogEntity(
            String base, String nameField, Supplier<Map<String, Object>> draft, Supplier<Map<String, Object>> taken) {
        cases.put("POST " + base, () -> {
            Map<String, Object> d = draft.get();
            Map<String, Long> growing = Map.of();
            if (base.equals("/api/warehouses")) {
                // two in-transit locations per existing warehouse, each with its catalog audit entry
                long transit = 2 * jdbc.queryForObject("select count(*) from warehouse", Long.class);
                growing = Map.of("location", transit, "catalog_audit", transit);
            }
            return new Scenario(
                    post(ADMIN, base, d),
                    201,
                    post(ADMIN, base, with(d, nameField, "Another name")),
                    post(ADMIN, base, taken.get()),
                    growing);
        });
        cases.put("PUT " + base + "/{id}", () -> {
            Map<String, Object> d = draft.get();
            Answer created = setUp(post(ADMIN, base, d));
            String path = base + "/" + created.json().get("id").asLong();
            String etag = created.header("ETag");
            Call put = Call.of(ADMIN, "PUT", path)
                    .body(write(with(d, nameField, "Renamed")))
                    .ifMatch(etag);
            return new Scenario(put, 200, put.body(write(with(d, nameField, "Renamed again"))), put.ifMatch(STALE));
        });
        for (String method : List.of("DELETE", "POST")) {
            String suffix = method.equals("POST") ? "/deactivate" : "";
            cases.put(method + " " + base + "/{id}" + suffix, () -> {
                Answer created = setUp(post(ADMIN, base, draft.get()));
                String path = base + "/" + created.json().get("id").asLong() + suffix;
                Call deactivate = Call.of(ADMIN, method, path).ifMatch(created.header("ETag"));
                return new Scenario(
                        deactivate, 200, deactivate.path(base + "/" + NO_SUCH_ID + suffix), deactivate.ifMatch(STALE));
            });
        }
    }

    private static Map<String, Object> itemDraft(String sku) {
        return body(
                "sku",
                sku,
                "name",
                "Contract item " + sku,
                "baseUom",
                "EA",
                "lotControlled",
                true,
                "expiryRequired",
                true,
                "allocationMethod",
                "FEFO",
                "temperatureClass",
                "CHILLED",
                "itemFamily",
                "Vaccines",
                "riskClass",
                "II",
                "standardUnitCost",
                12.5,
                "currency",
                "USD",
                "shelfLifeDays",
                365,
                "conversions",
                List.of(body("uom", "BOX", "quantity", 10, "of", "EA")),
                "gtins",
                List.of());
    }

    // ---- lots (quality)
    // ----------------------------------------------------------------------------------------------

    private void lots() {
        cases.put("POST /api/lots", () -> {
            LedgerFixtures f = new LedgerFixtures(jdbc);
            Map<String, Object> d = body(
                    "itemId",
                    f.itemId,
                    "supplierId",
                    f.supplierId,
                    "lotNumber",
                    code("L"),
                    "expiresOn",
                    LocalDate.now().plusYears(1).toString());
            return new Scenario(
                    post(QUINN, "/api/lots", d),
                    201,
                    post(QUINN, "/api/lots", with(d, "lotNumber", code("L"))),
                    post(QUINN, "/api/lots", with(d, "supplierId", Long.parseLong(NO_SUCH_ID))));
        });
        cases.put("PATCH /api/lots/{id}", () -> {
            LedgerFixtures f = new LedgerFixtures(jdbc);
            long lot = f.newLot();
            String etag = setUp(Call.of(QUINN, "GET", "/api/lots/" + lot)).header("ETag");
            Call patch = Call.of(QUINN, "PATCH", "/api/lots/" + lot)
                    .body(write(body("reason", "label misprint", "manufacturerBatchRef", "MB-1")))
                    .ifMatch(etag);
            return new Scenario(
                    patch,
                    200,
                    patch.body(write(body("reason", "another reason", "manufacturerBatchRef", "MB-1"))),
                    patch.ifMatch(STALE));
        });
    }

    // ---- the ledger
    // --------------------------------------------------------------------------------------------------

    private void ledgerWrites() {
        cases.put("POST /api/moves", () -> {
            LedgerFixtures f = new LedgerFixtures(jdbc);
            long lot = stocked(f, 7);
            Map<String, Object> move = move(f, lot, 7);
            return new Scenario(
                    post(WALT, "/api/moves", move),
                    201,
                    post(WALT, "/api/moves", move(f, lot, 6)),
                    post(WALT, "/api/moves", move(f, lot, 8)));
        });
        cases.put("POST /api/adjustments", () -> {
            LedgerFixtures f = new LedgerFixtures(jdbc);
            long lot = stocked(f, 10);
            Map<String, Object> a = adjustment(f, lot, -2, "COUNT_VARIANCE", "cycle count");
            return new Scenario(
                    post(IVY, "/api/adjustments", a),
                    201,
                    post(IVY, "/api/adjustments", with(a, "note", "recount")),
                    post(IVY, "/api/adjustments", with(a, "quantity", -11)));
        });
        cases.put("POST /api/opening-balances", () -> {
            LedgerFixtures f = new LedgerFixtures(jdbc);
            Map<String, Object> o = adjustment(f, f.newLot(), 10, "OPENING", "go-live count");
            return new Scenario(
                    post(IVY, "/api/opening-balances", o),
                    201,
                    post(IVY, "/api/opening-balances", with(o, "quantity", 11)),
                    post(IVY, "/api/opening-balances", with(o, "unit", "PALLET")));
        });
        cases.put("POST /api/postings/{id}/reversal", () -> {
            LedgerFixtures f = new LedgerFixtures(jdbc);
            long posting = movedPosting(f, stocked(f, 7), 7);
            String path = "/api/postings/" + posting + "/reversal";
            Map<String, Object> r = body("reasonCode", "DATA_ENTRY_ERROR", "note", "scanned the wrong bin");
            return new Scenario(
                    post(IVY, path, r),
                    201,
                    post(IVY, path, with(r, "note", "another note")),
                    post(IVY, path, with(r, "reasonCode", "FOUND")));
        });
        cases.put(
                "POST /api/ledger/audit",
                () -> new Scenario(
                        Call.of(IVY, "POST", "/api/ledger/audit"),
                        200,
                        post(
                                IVY,
                                "/api/opening-balances",
                                body(
                                        "lot",
                                        "NO-SUCH-LOT",
                                        "location",
                                        "NO-SUCH-BIN",
                                        "quantity",
                                        1,
                                        "unit",
                                        "EA",
                                        "reasonCode",
                                        "OPENING")),
                        Call.of(IVY, "POST", "/api/ledger/audit?at=%01")));
        cases.put("POST /api/putaway", () -> {
            String label = releasedInEastQuarantine(40);
            Map<String, Object> p = body(
                    "lot",
                    label,
                    "fromLocation",
                    DemoCatalogLoader.EAST_QUARANTINE,
                    "toLocation",
                    DemoCatalogLoader.EAST_CHILLED_1,
                    "quantity",
                    40,
                    "unit",
                    "EA");
            return new Scenario(
                    post(WALT, "/api/putaway", p),
                    201,
                    post(WALT, "/api/putaway", with(p, "quantity", 39)),
                    post(WALT, "/api/putaway", with(p, "toLocation", DemoCatalogLoader.EAST_AMBIENT_1)));
        });
    }

    // ---- purchasing (the ERP)
    // ----------------------------------------------------------------------------------------

    private void purchasing() {
        cases.put("POST /api/purchase-orders", () -> {
            Map<String, Object> po = purchaseOrder();
            return new Scenario(
                    post(ERP, "/api/purchase-orders", po),
                    201,
                    post(ERP, "/api/purchase-orders", with(po, "note", "another note")),
                    post(
                            ERP,
                            "/api/purchase-orders",
                            with(po, "supplierId", supplier(DemoCatalogLoader.SUP_CHEAPMED))));
        });
        cases.put("POST /api/purchase-orders/{id}/cancel", () -> {
            Answer po = setUp(post(ERP, "/api/purchase-orders", purchaseOrder()));
            Call cancel = post(
                            ERP,
                            "/api/purchase-orders/" + po.json().get("id").asLong() + "/cancel",
                            body("reason", "not needed"))
                    .ifMatch(po.header("ETag"));
            return new Scenario(
                    cancel, 200, cancel.body(write(body("reason", "another reason"))), cancel.ifMatch(STALE));
        });
        cases.put("POST /api/advance-ship-notices", () -> {
            JsonNode po =
                    setUp(post(ERP, "/api/purchase-orders", purchaseOrder())).json();
            Map<String, Object> asn = body(
                    "asnNumber",
                    code("ASN"),
                    "supplierId",
                    supplier(DemoCatalogLoader.SUP_MEDIGLOVE),
                    "purchaseOrderId",
                    po.get("id").asLong(),
                    "lines",
                    List.of(body(
                            "itemId",
                            itemId(DemoCatalogLoader.SKU_GLOVES_M),
                            "lotNumber",
                            gloveLot(),
                            "quantity",
                            100,
                            "uom",
                            "EA")));
            return new Scenario(
                    post(ERP, "/api/advance-ship-notices", asn),
                    201,
                    post(ERP, "/api/advance-ship-notices", with(asn, "asnNumber", code("ASN"))),
                    post(
                            ERP,
                            "/api/advance-ship-notices",
                            with(asn, "supplierId", supplier(DemoCatalogLoader.SUP_NORDVAX))));
        });
    }

    // ---- sales orders (integration)
    // -------------------------------------------------------------------------------------------

    private void salesOrders() {
        cases.put("POST /api/sales-orders", () -> {
            Map<String, Object> so = salesOrder();
            return new Scenario(
                    post(ERP, "/api/sales-orders", so),
                    201,
                    post(ERP, "/api/sales-orders", with(so, "note", "another note")),
                    post(ERP, "/api/sales-orders", with(so, "customerCode", "NO-SUCH-CUSTOMER")));
        });
        cases.put("POST /api/sales-orders/{id}/cancel", () -> {
            Answer so = setUp(post(ERP, "/api/sales-orders", salesOrder()));
            Call cancel = post(
                            ERP,
                            "/api/sales-orders/" + so.json().get("id").asLong() + "/cancel",
                            body("reason", "customer withdrew"))
                    .ifMatch(so.header("ETag"));
            return new Scenario(
                    cancel, 200, cancel.body(write(body("reason", "another reason"))), cancel.ifMatch(STALE));
        });
        cases.put("POST /api/sales-orders/{id}/lines/{lineId}/cancel", () -> {
            Answer so = setUp(post(ERP, "/api/sales-orders", salesOrder()));
            String order = "/api/sales-orders/" + so.json().get("id").asLong();
            Call cancel = post(
                    ERP,
                    order + "/lines/" + so.json().at("/lines/0/id").asLong() + "/cancel",
                    body("reason", "changed"));
            return new Scenario(
                    cancel,
                    200,
                    cancel.body(write(body("reason", "another reason"))),
                    cancel.path(order + "/lines/" + NO_SUCH_ID + "/cancel"));
        });
        cases.put("POST /api/sales-orders/{id}/allocation", () -> {
            Answer so = setUp(post(ERP, "/api/sales-orders", salesOrder()));
            Call allocate = Call.of(
                    ERP, "POST", "/api/sales-orders/" + so.json().get("id").asLong() + "/allocation");
            Call noSuchOrder = allocate.path("/api/sales-orders/" + NO_SUCH_ID + "/allocation");
            return new Scenario(allocate, 200, noSuchOrder, noSuchOrder);
        });
        cases.put("POST /api/sales-orders/{id}/lines", () -> {
            Answer so = setUp(post(ERP, "/api/sales-orders", salesOrder()));
            String lines = "/api/sales-orders/" + so.json().get("id").asLong() + "/lines";
            Map<String, Object> line = salesOrderLine(20);
            return new Scenario(
                    post(ERP, lines, line),
                    200,
                    post(ERP, lines, with(line, "quantity", 30)),
                    post(ERP, lines, with(line, "uom", "PALLET")));
        });
    }

    // ---- allocation overrides (operations; the fixture's own warehouse, order and reservation)
    // ------------------------------------------------------------------------------------

    private void allocationOverrides() {
        cases.put("POST /api/allocation-overrides", () -> {
            LedgerFixtures f = new LedgerFixtures(jdbc);
            long reservation = reservedOrderLine(f);
            long same = f.newLot(); // same expiry: the table lets it through, the swap happens at once
            f.stock(ledger, same, "A2", StockStatus.AVAILABLE, 10);
            Map<String, Object> o = body(
                    "reservationId",
                    reservation,
                    "proposedLot",
                    f.labelOf(same),
                    "proposedLocation",
                    f.barcode("A2"),
                    "reasonCode",
                    "LOT_NOT_ACCESSIBLE",
                    "note",
                    "behind a pallet");
            return new Scenario(
                    post(OTTO, "/api/allocation-overrides", o),
                    201,
                    post(OTTO, "/api/allocation-overrides", with(o, "note", "another note")),
                    post(OTTO, "/api/allocation-overrides", with(o, "proposedLocation", "NO-SUCH-LOCATION")));
        });
        cases.put("POST /api/allocation-overrides/{id}/decision", () -> {
            LedgerFixtures f = new LedgerFixtures(jdbc);
            long reservation = reservedOrderLine(f);
            long later = f.newLot();
            jdbc.update("update lot set expires_on = current_date + 500 where id = ?", later);
            f.stock(ledger, later, "A2", StockStatus.AVAILABLE, 10);
            var requested = context.getBean(org.lotledger.fulfillment.override.AllocationOverrides.class)
                    .request(
                            new org.lotledger.fulfillment.override.AllocationOverrideRequest(
                                    reservation, f.labelOf(later), f.barcode("A2"), "LOT_NOT_ACCESSIBLE", null),
                            new org.lotledger.common.Actor(WALT, java.util.Set.of("warehouse", "warehouse@" + f.tag)));
            Call decide = post(
                    OTTO,
                    "/api/allocation-overrides/" + requested.id() + "/decision",
                    body("decision", "APPROVE", "comment", "ok"));
            return new Scenario(
                    decide,
                    200,
                    decide.body(write(body("decision", "APPROVE", "comment", "another comment"))),
                    decide.path("/api/allocation-overrides/" + NO_SUCH_ID + "/decision"));
        });
    }

    /** A sales order line of the fixture's item in its warehouse, 10 EA reserved at A1; the reservation's id. */
    private long reservedOrderLine(LedgerFixtures f) {
        String customer = code("CUS");
        jdbc.update(
                "insert into customer (code, name, customer_type) values (?, ?, 'CLINIC')",
                customer,
                "Contract customer " + customer);
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 50);
        Answer so = setUp(post(
                ERP,
                "/api/sales-orders",
                body(
                        "source",
                        "ERP",
                        "orderNumber",
                        code("SO-"),
                        "customerCode",
                        customer,
                        "warehouseCode",
                        f.tag,
                        "requestedShipDate",
                        LocalDate.now().plusDays(2).toString(),
                        "lines",
                        List.of(body(
                                "sku",
                                "SKU-" + f.tag,
                                "quantity",
                                10,
                                "uom",
                                "EA",
                                "unitPrice",
                                1,
                                "currency",
                                "USD")))));
        return context.getBean(org.lotledger.ledger.Reservations.class)
                .reserve(
                        new org.lotledger.ledger.Reservations.ReserveRequest(
                                new org.lotledger.ledger.Reservation.Demand(
                                        "SALES_ORDER",
                                        so.json().get("id").asText(),
                                        so.json().at("/lines/0/id").asText()),
                                lot,
                                f.location("A1"),
                                10,
                                "ALLOC-050"),
                        new org.lotledger.common.Actor(OTTO, java.util.Set.of("operations")),
                        UUID.randomUUID().toString())
                .id();
    }

    private void shipments() {
        cases.put("POST /api/sales-orders/{id}/shipments", () -> {
            Answer so = setUp(post(ERP, "/api/sales-orders", salesOrder()));
            long order = so.json().get("id").asLong();
            staged(
                    order,
                    so.json().at("/lines/0/id").asLong(),
                    so.json().at("/lines/0/itemId").asLong(),
                    4);
            String path = "/api/sales-orders/" + order + "/shipments";
            return new Scenario(
                    post(WALT, path, body("note", "dock 2")),
                    201,
                    post(WALT, path, body("note", "another note")),
                    post(WALT, "/api/sales-orders/" + NO_SUCH_ID + "/shipments", body("note", "dock 2")));
        });
        cases.put("POST /api/shipments/{id}/dispatch", () -> {
            Answer so = setUp(post(ERP, "/api/sales-orders", salesOrder()));
            long order = so.json().get("id").asLong();
            staged(
                    order,
                    so.json().at("/lines/0/id").asLong(),
                    so.json().at("/lines/0/itemId").asLong(),
                    4);
            Answer shipment = setUp(post(WALT, "/api/sales-orders/" + order + "/shipments", body()));
            String path = "/api/shipments/" + shipment.json().get("id").asLong() + "/dispatch";
            return new Scenario(
                    post(WALT, path, body("stagingLocation", DemoCatalogLoader.EAST_SHIP)),
                    200,
                    post(WALT, path, body("stagingLocation", DemoCatalogLoader.EAST_SHIP.toLowerCase())),
                    post(WALT, path, body("stagingLocation", DemoCatalogLoader.EAST_AMBIENT_1)));
        });
    }

    /** What the pick leaves: a new lot's stock PICKed to EAST-SHIP-01 and a pending reservation of the line there. */
    private void staged(long order, long line, long item, long quantity) {
        long east = jdbc.queryForObject("select id from warehouse where code = 'EAST'", Long.class);
        // the warehouse's shipment counter exists before any case runs, so a case's row-count change does not depend
        // on whether an earlier test opened EAST's first shipment (the parallel-duplicates check counts rows)
        jdbc.update(
                "insert into shipment_number_counter (warehouse_id, last_number) values (?, 1) on conflict do nothing",
                east);
        long supplier = jdbc.queryForObject("select id from supplier where code = 'MEDIGLOVE'", Long.class);
        String n = code("SHP");
        long lot = jdbc.queryForObject("""
                insert into lot (item_id, supplier_id, lot_number, internal_label, expires_on, unit_cost, currency)
                values (?, ?, ?, ?, current_date + 400, 0.05, 'USD') returning id""", Long.class, item, supplier, n, "LL-" + n);
        long storage = jdbc.queryForObject(
                "select id from location where barcode = ?", Long.class, DemoCatalogLoader.EAST_AMBIENT_1);
        long staging = jdbc.queryForObject(
                "select id from location where barcode = ?", Long.class, DemoCatalogLoader.EAST_SHIP);
        long adjustment = jdbc.queryForObject(
                "select id from location where warehouse_id = ? and kind = 'ADJUSTMENT'", Long.class, east);
        // in one transaction: stock landing AVAILABLE in storage re-allocates the item's backorders after the commit
        // (StockBecameAvailable), and another case's order of this fixture's item may be backordered in EAST
        new org.springframework.transaction.support.TransactionTemplate(
                        context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                .executeWithoutResult(tx -> {
                    ledger.post(PostingRequest.of(
                                    PostingType.OPENING_BALANCE,
                                    LedgerFixtures.INVENTORY,
                                    UUID.randomUUID().toString())
                            .movement(new Movement(
                                    lot, adjustment, StockStatus.AVAILABLE, storage, StockStatus.AVAILABLE, quantity))
                            .reason("OPENING")
                            .build());
                    ledger.post(PostingRequest.of(
                                    PostingType.PICK,
                                    LedgerFixtures.WAREHOUSE,
                                    UUID.randomUUID().toString())
                            .movement(new Movement(
                                    lot, storage, StockStatus.AVAILABLE, staging, StockStatus.AVAILABLE, quantity))
                            .build());
                });
        jdbc.update(
                """
                insert into stock_reservation (demand_type, demand_reference, demand_line, lot_id, location_id, quantity,
                                               actor, idempotency_key, created_at)
                values ('SALES_ORDER', ?, ?, ?, ?, ?, 'walt', ?, clock_timestamp())""",
                String.valueOf(order),
                String.valueOf(line),
                lot,
                staging,
                quantity,
                UUID.randomUUID().toString());
    }

    // ---- picking (walt, warehouse@EAST)
    // -------------------------------------------------------------------------------------------

    private record Picking(PickingFixtures f, PickingFixtures.Reserved r, long taskId, long lineId) {}

    private Picking pickingFixture(boolean withTask) {
        PickingFixtures f = new PickingFixtures(jdbc);
        PickingFixtures.Reserved r =
                f.reservedOrder(ledger, context.getBean(Reservations.class), context.getBean(SalesOrdering.class));
        if (!withTask) {
            return new Picking(f, r, 0, 0);
        }
        Answer task = setUp(Call.of(WALT, "POST", "/api/sales-orders/" + r.orderId() + "/pick-tasks"));
        return new Picking(
                f,
                r,
                task.json().get("id").asLong(),
                task.json().at("/lines/0/id").asLong());
    }

    private Map<String, Object> pickConfirmation(Picking p, long quantity) {
        return body(
                "locationBarcode",
                p.f().barcode("S1"),
                "lotLabel",
                p.f().gs1(p.r().lotId()),
                "quantity",
                quantity,
                "uom",
                "EA",
                "stagingLocationBarcode",
                p.f().shipBarcode);
    }

    private void picking() {
        cases.put("POST /api/sales-orders/{id}/pick-tasks", () -> {
            Picking p = pickingFixture(false);
            Picking other = pickingFixture(false);
            String path = "/api/sales-orders/" + p.r().orderId() + "/pick-tasks";
            Call create = Call.of(WALT, "POST", path);
            return new Scenario(
                    create,
                    201,
                    create.path("/api/sales-orders/" + other.r().orderId() + "/pick-tasks"),
                    create.path("/api/sales-orders/" + NO_SUCH_ID + "/pick-tasks"));
        });
        cases.put("POST /api/pick-tasks/{id}/claim", () -> {
            Picking p = pickingFixture(true);
            Call claim = Call.of(WALT, "POST", "/api/pick-tasks/" + p.taskId() + "/claim");
            return new Scenario(
                    claim,
                    200,
                    claim.path("/api/pick-tasks/" + p.taskId() + "/release"),
                    claim.path("/api/pick-tasks/" + NO_SUCH_ID + "/claim"));
        });
        cases.put("POST /api/pick-tasks/{id}/release", () -> {
            Picking p = pickingFixture(true);
            setUp(Call.of(WALT, "POST", "/api/pick-tasks/" + p.taskId() + "/claim"));
            Call release = Call.of(WALT, "POST", "/api/pick-tasks/" + p.taskId() + "/release");
            return new Scenario(
                    release,
                    200,
                    release.path("/api/pick-tasks/" + p.taskId() + "/claim"),
                    release.path("/api/pick-tasks/" + NO_SUCH_ID + "/release"));
        });
        cases.put("POST /api/pick-tasks/{id}/lines/{lineId}/confirmation", () -> {
            Picking p = pickingFixture(true);
            String path = "/api/pick-tasks/" + p.taskId() + "/lines/" + p.lineId() + "/confirmation";
            Map<String, Object> ok = pickConfirmation(p, 10);
            return new Scenario(
                    post(WALT, path, ok),
                    200,
                    post(WALT, path, with(pickConfirmation(p, 9), "shortPick", true)),
                    post(WALT, path, with(ok, "locationBarcode", p.f().barcode("S2"))));
        });
    }

    // ---- transfer orders (erp orders, walt of EAST picks and dispatches)
    // -------------------------------------------------------------------------------------------

    /** A transfer EAST → WEST of the fixture's item; EAST's transfer counter exists first (row counts stay equal). */
    private Map<String, Object> transferOrder(PickingFixtures f, long quantity) {
        jdbc.update("""
                insert into transfer_order_number_counter (warehouse_id, last_number)
                select id, 1 from warehouse where code = 'EAST' on conflict do nothing""");
        return body(
                "fromWarehouseCode",
                DemoCatalogLoader.EAST,
                "toWarehouseCode",
                DemoCatalogLoader.WEST,
                "shipDate",
                LocalDate.now().plusDays(1).toString(),
                "reason",
                "contract " + f.tag,
                "lines",
                List.of(body("sku", f.sku, "quantity", quantity, "uom", "EA")));
    }

    /** A transfer of 10 EA on stock of its own in EAST, allocated; its id. */
    private long allocatedTransfer(PickingFixtures f) {
        long lot =
                f.lot(f.supplierA, "TR" + SEQ.incrementAndGet(), LocalDate.now().plusDays(400));
        f.stock(ledger, lot, "S1", 10);
        long id = setUp(post(ERP, "/api/transfer-orders", transferOrder(f, 10)))
                .json()
                .get("id")
                .asLong();
        setUp(Call.of(ERP, "POST", "/api/transfer-orders/" + id + "/allocation"));
        return id;
    }

    private void transfers() {
        cases.put("POST /api/transfer-orders", () -> {
            Map<String, Object> t = transferOrder(new PickingFixtures(jdbc), 5);
            return new Scenario(
                    post(ERP, "/api/transfer-orders", t),
                    201,
                    post(ERP, "/api/transfer-orders", with(t, "note", "another note")),
                    post(ERP, "/api/transfer-orders", with(t, "toWarehouseCode", "NOWHERE")));
        });
        cases.put("POST /api/transfer-orders/{id}/cancel", () -> {
            Answer t = setUp(post(ERP, "/api/transfer-orders", transferOrder(new PickingFixtures(jdbc), 5)));
            Call cancel = post(
                    ERP,
                    "/api/transfer-orders/" + t.json().get("id").asLong() + "/cancel",
                    body("reason", "not needed"));
            return new Scenario(
                    cancel,
                    200,
                    cancel.body(write(body("reason", "another reason"))),
                    cancel.path("/api/transfer-orders/" + NO_SUCH_ID + "/cancel"));
        });
        cases.put("POST /api/transfer-orders/{id}/lines/{lineId}/cancel", () -> {
            Answer t = setUp(post(ERP, "/api/transfer-orders", transferOrder(new PickingFixtures(jdbc), 5)));
            String order = "/api/transfer-orders/" + t.json().get("id").asLong();
            Call cancel = post(
                    ERP,
                    order + "/lines/" + t.json().at("/lines/0/id").asLong() + "/cancel",
                    body("reason", "changed"));
            return new Scenario(
                    cancel,
                    200,
                    cancel.body(write(body("reason", "another reason"))),
                    cancel.path(order + "/lines/" + NO_SUCH_ID + "/cancel"));
        });
        cases.put("POST /api/transfer-orders/{id}/allocation", () -> {
            PickingFixtures f = new PickingFixtures(jdbc);
            long lot = f.lot(
                    f.supplierA, "TA" + SEQ.incrementAndGet(), LocalDate.now().plusDays(400));
            f.stock(ledger, lot, "S1", 10);
            Answer t = setUp(post(ERP, "/api/transfer-orders", transferOrder(f, 10)));
            Call allocate = Call.of(
                    ERP, "POST", "/api/transfer-orders/" + t.json().get("id").asLong() + "/allocation");
            Call noSuch = allocate.path("/api/transfer-orders/" + NO_SUCH_ID + "/allocation");
            return new Scenario(allocate, 200, noSuch, noSuch);
        });
        cases.put("POST /api/transfer-orders/{id}/pick-tasks", () -> {
            PickingFixtures f = new PickingFixtures(jdbc);
            long id = allocatedTransfer(f);
            long other = allocatedTransfer(f);
            Call create = Call.of(WALT, "POST", "/api/transfer-orders/" + id + "/pick-tasks");
            return new Scenario(
                    create,
                    201,
                    create.path("/api/transfer-orders/" + other + "/pick-tasks"),
                    create.path("/api/transfer-orders/" + NO_SUCH_ID + "/pick-tasks"));
        });
        cases.put("POST /api/transfer-orders/{id}/dispatch", () -> {
            PickingFixtures f = new PickingFixtures(jdbc);
            long id = allocatedTransfer(f);
            Answer task = setUp(Call.of(WALT, "POST", "/api/transfer-orders/" + id + "/pick-tasks"));
            JsonNode line = task.json().at("/lines/0");
            setUp(post(
                    WALT,
                    "/api/pick-tasks/" + task.json().get("id").asLong() + "/lines/"
                            + line.get("id").asLong() + "/confirmation",
                    body(
                            "locationBarcode",
                            f.barcode("S1"),
                            "lotLabel",
                            f.label(line.get("lotId").asLong()),
                            "quantity",
                            10,
                            "uom",
                            "EA",
                            "stagingLocationBarcode",
                            f.shipBarcode)));
            String path = "/api/transfer-orders/" + id + "/dispatch";
            Map<String, Object> scan = body(
                    "stagingLocation",
                    f.shipBarcode,
                    "lotLabels",
                    List.of(f.label(line.get("lotId").asLong())));
            return new Scenario(
                    post(WALT, path, scan),
                    200,
                    post(WALT, path, with(scan, "coldChainLogger", "LOGGER-1")),
                    post(WALT, path, with(scan, "stagingLocation", f.barcode("S1"))));
        });
    }

    /** A transfer of 10 EA of a lot of its own, dispatched EAST → WEST by walt; its id and the lot's label. */
    private record Dispatched(long id, String lotLabel) {}

    private Dispatched dispatchedTransfer(PickingFixtures f) {
        long id = allocatedTransfer(f);
        Answer task = setUp(Call.of(WALT, "POST", "/api/transfer-orders/" + id + "/pick-tasks"));
        JsonNode line = task.json().at("/lines/0");
        String lot = f.label(line.get("lotId").asLong());
        setUp(post(
                WALT,
                "/api/pick-tasks/" + task.json().get("id").asLong() + "/lines/"
                        + line.get("id").asLong() + "/confirmation",
                body(
                        "locationBarcode",
                        f.barcode("S1"),
                        "lotLabel",
                        lot,
                        "quantity",
                        10,
                        "uom",
                        "EA",
                        "stagingLocationBarcode",
                        f.shipBarcode)));
        setUp(post(
                WALT,
                "/api/transfer-orders/" + id + "/dispatch",
                body("stagingLocation", f.shipBarcode, "lotLabels", List.of(lot))));
        return new Dispatched(id, lot);
    }

    private static Map<String, Object> receiptScan(String lot, long quantity, String location) {
        return body("lotLabel", lot, "quantity", quantity, "uom", "EA", "location", location, "condition", "GOOD");
    }

    /** Receiving at WEST (rita receives at EAST and WEST): the scan, and the close. */
    private void transferReceipts() {
        cases.put("POST /api/transfer-orders/{id}/receipts", () -> {
            PickingFixtures f = new PickingFixtures(jdbc);
            Dispatched d = dispatchedTransfer(f);
            String path = "/api/transfer-orders/" + d.id() + "/receipts";
            return new Scenario(
                    post(RITA, path, receiptScan(d.lotLabel(), 10, "WEST-AMB-01-01")),
                    201,
                    post(RITA, path, receiptScan(d.lotLabel(), 5, "WEST-AMB-01-01")),
                    post(RITA, path, receiptScan(d.lotLabel(), 10, f.barcode("S1"))));
        });
        cases.put("POST /api/transfer-orders/{id}/receipts/close", () -> {
            PickingFixtures f = new PickingFixtures(jdbc);
            Dispatched d = dispatchedTransfer(f);
            Dispatched other = dispatchedTransfer(f);
            for (Dispatched x : List.of(d, other)) {
                setUp(post(
                        RITA,
                        "/api/transfer-orders/" + x.id() + "/receipts",
                        receiptScan(x.lotLabel(), 8, "WEST-AMB-01-01")));
            }
            Call close = Call.of(RITA, "POST", "/api/transfer-orders/" + d.id() + "/receipts/close");
            return new Scenario(
                    close,
                    200,
                    close.path("/api/transfer-orders/" + other.id() + "/receipts/close"),
                    close.path("/api/transfer-orders/" + NO_SUCH_ID + "/receipts/close"));
        });
    }

    private Map<String, Object> salesOrder() {
        return body(
                "source",
                "ERP",
                "orderNumber",
                code("SO-"),
                "customerCode",
                DemoCatalogLoader.CUS_MERCY_HOSPITAL,
                "warehouseCode",
                DemoCatalogLoader.EAST,
                "requestedShipDate",
                LocalDate.now().plusDays(2).toString(),
                "lines",
                List.of(salesOrderLine(100)));
    }

    private static Map<String, Object> salesOrderLine(int quantity) {
        return body(
                "sku",
                DemoCatalogLoader.SKU_GLOVES_M,
                "quantity",
                quantity,
                "uom",
                "EA",
                "unitPrice",
                0.09,
                "currency",
                "USD");
    }

    // ---- receiving
    // ---------------------------------------------------------------------------------------------------

    private void receiving() {
        cases.put("POST /api/receipts", () -> {
            long po = setUp(post(ERP, "/api/purchase-orders", purchaseOrder()))
                    .json()
                    .get("id")
                    .asLong();
            Map<String, Object> open = body("purchaseOrderId", po, "dockBarcode", DemoCatalogLoader.EAST_DOCK);
            return new Scenario(
                    post(RITA, "/api/receipts", open),
                    201,
                    post(RITA, "/api/receipts", with(open, "dockBarcode", "EAST-DOCK-02")),
                    post(RITA, "/api/receipts", with(open, "dockBarcode", "NO-SUCH-DOCK")));
        });
        cases.put("POST /api/receipts/{id}/lines", () -> {
            Receipt r = openReceipt();
            Map<String, Object> line = receiptLine(r.poLine, gloveLot(), 40);
            return new Scenario(
                    post(RITA, r.path("/lines"), line),
                    201,
                    post(RITA, r.path("/lines"), with(line, "quantity", 30)),
                    post(RITA, r.path("/lines"), with(line, "uom", "PALLET")));
        });
        cases.put("POST /api/receipts/{id}/lines/{lineId}/reversal", () -> {
            Receipt r = openReceipt();
            long line = setUp(post(RITA, r.path("/lines"), receiptLine(r.poLine, gloveLot(), 40)))
                    .json()
                    .get("id")
                    .asLong();
            Call reverse = post(SUSAN, r.path("/lines/" + line + "/reversal"), body("note", "lot mistyped"));
            return new Scenario(
                    reverse,
                    200,
                    reverse.body(write(body("note", "another note"))),
                    reverse.path(r.path("/lines/" + NO_SUCH_ID + "/reversal")));
        });
        cases.put("POST /api/receipts/{id}/purchase-order-lines/{poLineId}/close-short", () -> {
            Receipt r = openReceipt();
            setUp(post(RITA, r.path("/lines"), receiptLine(r.poLine, gloveLot(), 40)));
            Call close = Call.of(SUSAN, "POST", r.path("/purchase-order-lines/" + r.poLine + "/close-short"));
            Call noSuchLine = close.path(r.path("/purchase-order-lines/" + NO_SUCH_ID + "/close-short"));
            return new Scenario(close, 200, noSuchLine, noSuchLine);
        });
        cases.put("POST /api/receipts/{id}/close", () -> {
            Receipt r = openReceipt();
            setUp(post(RITA, r.path("/lines"), receiptLine(r.poLine, gloveLot(), 100)));
            Call close = Call.of(RITA, "POST", r.path("/close"));
            Call noSuchReceipt = close.path("/api/receipts/" + NO_SUCH_ID + "/close");
            return new Scenario(close, 200, noSuchReceipt, noSuchReceipt);
        });
    }

    private record Receipt(long id, long poLine) {
        String path(String rest) {
            return "/api/receipts/" + id + rest;
        }
    }

    private Receipt openReceipt() {
        JsonNode po = setUp(post(ERP, "/api/purchase-orders", purchaseOrder())).json();
        long receipt = setUp(post(
                        RITA,
                        "/api/receipts",
                        body("purchaseOrderId", po.get("id").asLong(), "dockBarcode", DemoCatalogLoader.EAST_DOCK)))
                .json()
                .get("id")
                .asLong();
        return new Receipt(receipt, po.at("/lines/0/id").asLong());
    }

    private static Map<String, Object> receiptLine(long poLine, String lot, int quantity) {
        return body("purchaseOrderLineId", poLine, "lotNumber", lot, "quantity", quantity, "uom", "EA");
    }

    private Map<String, Object> purchaseOrder() {
        return body(
                "poNumber",
                code("PO-"),
                "supplierId",
                supplier(DemoCatalogLoader.SUP_MEDIGLOVE),
                "currency",
                "USD",
                "lines",
                List.of(body(
                        "itemId",
                        itemId(DemoCatalogLoader.SKU_GLOVES_M),
                        "quantity",
                        100,
                        "uom",
                        "EA",
                        "expectedUnitPrice",
                        0.05)));
    }

    /** MEDIGLOVE's lot-label convention: five digits and a letter (numbers apart from ReceivingApiTest's). */
    static String gloveLot() {
        return String.format("%05d", GLOVE_LOTS.incrementAndGet() % 100_000) + "Q";
    }

    // ---- quality holds
    // -----------------------------------------------------------------------------------------------

    private void holds() {
        cases.put("POST /api/holds", () -> {
            LedgerFixtures f = new LedgerFixtures(jdbc);
            Map<String, Object> place =
                    body("scope", "LOT", "lotId", stocked(f, 20), "reason", "INVESTIGATION", "note", "contract");
            return new Scenario(
                    post(QUINN, "/api/holds", place),
                    201,
                    post(QUINN, "/api/holds", with(place, "note", "other")),
                    post(QUINN, "/api/holds", with(place, "lotId", Long.parseLong(NO_SUCH_ID))));
        });
        cases.put("POST /api/holds/{id}/decision", () -> {
            Hold h = hold("INVESTIGATION", 20);
            Call decide = post(QUINN, h.path("/decision"), body("outcome", "RELEASE", "note", "lab says fine"));
            return new Scenario(
                    decide,
                    200,
                    decide.body(write(body("outcome", "RELEASE", "note", "another note"))),
                    decide.body(write(body("outcome", "SPLIT", "releaseQuantity", 999, "reasonCode", "DAMAGED"))));
        });
        cases.put("POST /api/holds/{id}/release", () -> {
            Hold h = hold("INVESTIGATION", 20);
            Call release = post(QUINN, h.path("/release"), body("note", "lab says fine"));
            return new Scenario(
                    release,
                    200,
                    release.body(write(body("note", "another note"))),
                    release.path("/api/holds/" + NO_SUCH_ID + "/release"));
        });
        cases.put("POST /api/holds/{id}/scrap", () -> {
            Hold h = hold("INVESTIGATION", 20);
            Call scrap = post(QUINN, h.path("/scrap"), body("reasonCode", "DAMAGED", "note", "crushed"));
            return new Scenario(
                    scrap,
                    202,
                    scrap.body(write(body("reasonCode", "EXPIRED", "note", "crushed"))),
                    scrap.body(write(body("note", "no reason code"))));
        });
        cases.put("POST /api/holds/{id}/return-to-vendor", () -> {
            Hold h = hold("INVESTIGATION", 20);
            rejectStaging(h.f);
            Call rtv = post(QUINN, h.path("/return-to-vendor"), body("note", "back to the supplier"));
            return new Scenario(
                    rtv,
                    202,
                    rtv.body(write(body("note", "another note"))),
                    rtv.body(write(body(
                            "lines",
                            List.of(body("lotId", h.lot, "locationId", h.f.location("A1"), "quantity", 999))))));
        });
        cases.put("POST /api/holds/{id}/approval", () -> {
            Hold h = hold("REGULATORY_OR_RECALL", 20);
            Answer reviewed = setUp(post(QUINN, h.path("/release"), body("note", "recall withdrawn")));
            assertThat(reviewed.json().path("awaiting").asText())
                    .as("%s", reviewed)
                    .isEqualTo("SECOND_APPROVAL");
            Call approve = post(MARIA, h.path("/approval"), body("approve", true, "note", "withdrawn in writing"));
            return new Scenario(
                    approve,
                    200,
                    approve.body(write(body("approve", true, "note", "another note"))),
                    approve.path("/api/holds/" + NO_SUCH_ID + "/approval"));
        });
        cases.put("POST /api/holds/{id}/warehouse-moves/{moveId}/confirmation", () -> {
            Hold h = hold("INVESTIGATION", 9);
            Answer decided = setUp(post(QUINN, h.path("/scrap"), body("reasonCode", "TEMP_EXCURSION")));
            long move = decided.json().at("/warehouseMoves/0/id").asLong();
            Call confirm = post(
                    WALT,
                    h.path("/warehouse-moves/" + move + "/confirmation"),
                    body("lot", h.f.labelOf(h.lot), "location", h.f.barcode("A1")));
            return new Scenario(
                    confirm,
                    200,
                    confirm.body(write(body("lot", h.f.labelOf(h.lot), "location", h.f.barcode("A2")))),
                    confirm.body(write(body("lot", h.f.labelOf(h.f.newLot()), "location", h.f.barcode("A1")))));
        });
    }

    private record Hold(LedgerFixtures f, long lot, long id) {
        String path(String rest) {
            return "/api/holds/" + id + rest;
        }
    }

    private Hold hold(String reason, long quantity) {
        LedgerFixtures f = new LedgerFixtures(jdbc);
        long lot = stocked(f, quantity);
        long id = setUp(post(QUINN, "/api/holds", body("scope", "LOT", "lotId", lot, "reason", reason)))
                .json()
                .get("id")
                .asLong();
        return new Hold(f, lot, id);
    }

    /** A reject-staging zone with one bin in the fixture's warehouse, where a return to vendor is staged. */
    private void rejectStaging(LedgerFixtures f) {
        long zone = jdbc.queryForObject("""
                insert into zone (warehouse_id, code, name, zone_type, allowed_statuses, allowed_temperature_classes)
                values (?, 'REJ', 'Reject staging', 'REJECT_STAGING', '{REJECTED,HOLD}', '{AMBIENT,CHILLED}') returning id""", Long.class, f.warehouseId);
        jdbc.update("""
                insert into location (kind, code, barcode, name, warehouse_id, zone_id)
                values ('PHYSICAL', ?, ?, 'RTV', ?, ?)""", f.tag + "-R1", f.tag + "-R1", f.warehouseId, zone);
    }

    // ---- fixtures on the ledger
    // --------------------------------------------------------------------------------------

    /** A new lot of the fixture's item with {@code quantity} EA AVAILABLE at A1 (an opening balance). */
    // ---- relabel (issue 11 §2): quality, which acts for the company (no warehouse scope)
    // ---------------------------------------------------------------------------------------------

    private void relabels() {
        cases.put("POST /api/lots/{id}/relabel", () -> {
            LedgerFixtures f = new LedgerFixtures(jdbc);
            long lot = stocked(f, 20);
            String user = QUINN;
            String path = "/api/lots/" + lot + "/relabel";
            Map<String, Object> r = body(
                    "lotNumber", "RL-" + f.tag, "locationId", f.location("A1"), "status", "AVAILABLE", "quantity", 5);
            return new Scenario(
                    post(user, path, r),
                    201,
                    post(user, path, with(r, "quantity", 6)),
                    post(user, path, with(r, "quantity", 999)));
        });
    }

    private long stocked(LedgerFixtures f, long quantity) {
        long lot = f.newLot();
        f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, quantity);
        return lot;
    }

    /** A MOVE of {@code quantity} from A1 to A2, posted in process: the posting a reversal reverses. */
    private long movedPosting(LedgerFixtures f, long lot, long quantity) {
        return ledger.post(PostingRequest.of(
                                PostingType.MOVE,
                                LedgerFixtures.WAREHOUSE,
                                UUID.randomUUID().toString())
                        .movement(new Movement(
                                lot,
                                f.location("A1"),
                                StockStatus.AVAILABLE,
                                f.location("A2"),
                                StockStatus.AVAILABLE,
                                quantity))
                        .build())
                .id();
    }

    static Map<String, Object> move(LedgerFixtures f, long lot, long quantity) {
        return body(
                "lot",
                f.labelOf(lot),
                "fromLocation",
                f.barcode("A1"),
                "toLocation",
                f.barcode("A2"),
                "quantity",
                quantity,
                "unit",
                "EA");
    }

    static Map<String, Object> adjustment(LedgerFixtures f, long lot, long quantity, String reason, String note) {
        return body(
                "lot",
                f.labelOf(lot),
                "location",
                f.barcode("A1"),
                "status",
                "AVAILABLE",
                "quantity",
                quantity,
                "unit",
                "EA",
                "reasonCode",
                reason,
                "note",
                note);
    }

    /**
     * A chilled demo lot released in the EAST quarantine area (as DirectedPutawayTest sets it up): dmn/putaway-zone
     * directs it to CHL, so a putaway to EAST-CHL-01-01 is accepted and one to ambient storage refused.
     */
    private String releasedInEastQuarantine(long quantity) {
        String label = "LL-CT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long lot = jdbc.queryForObject(
                """
                insert into lot (item_id, supplier_id, lot_number, internal_label, expires_on, unit_cost, currency)
                select i.id, s.id, ?, ?, current_date + 300, 12.5, 'USD' from item i, supplier s
                 where i.sku = ? and s.code = ? returning id""", Long.class, label, label, DemoCatalogLoader.SKU_FLU_VACCINE, DemoCatalogLoader.SUP_NORDVAX);
        long quarantine = jdbc.queryForObject(
                "select id from location where barcode = ?", Long.class, DemoCatalogLoader.EAST_QUARANTINE);
        long adjustment = jdbc.queryForObject("""
                select a.id from location a join warehouse w on w.id = a.warehouse_id
                 where w.code = 'EAST' and a.kind = 'ADJUSTMENT'""", Long.class);
        ledger.post(PostingRequest.of(
                        PostingType.OPENING_BALANCE,
                        LedgerFixtures.INVENTORY,
                        UUID.randomUUID().toString())
                .movement(new Movement(
                        lot, adjustment, StockStatus.QUARANTINE, quarantine, StockStatus.QUARANTINE, quantity))
                .reason("OPENING")
                .build());
        ledger.post(PostingRequest.of(
                        PostingType.STATUS_CHANGE,
                        LedgerFixtures.QUALITY,
                        UUID.randomUUID().toString())
                .movement(new Movement(
                        lot, quarantine, StockStatus.QUARANTINE, quarantine, StockStatus.AVAILABLE, quantity))
                .build());
        return label;
    }

    // ---- recalls (issue 11 §3): maria starts and withdraws
    // ---------------------------------------------------------------------------------------------

    private void recalls() {
        cases.put("POST /api/recalls", () -> {
            Map<String, Object> start = recallOf(stocked(new LedgerFixtures(jdbc), 12));
            return new Scenario(
                    post(MARIA, "/api/recalls", start),
                    201,
                    post(MARIA, "/api/recalls", with(start, "reason", "another reason")),
                    post(MARIA, "/api/recalls", with(start, "scope", body("lotId", Long.parseLong(NO_SUCH_ID)))));
        });
        // the same operation in mode MOCK: a mock recall, by quinn (quality), who may not start a LIVE one; it
        // records a mock_recall_run and nothing else
        cases.put("POST /api/recalls [MOCK]", () -> {
            Map<String, Object> mock = with(recallOf(stocked(new LedgerFixtures(jdbc), 12)), "mode", "MOCK");
            return new Scenario(
                    post(QUINN, "/api/recalls", mock),
                    201,
                    post(QUINN, "/api/recalls", with(mock, "reason", "another reason")),
                    post(QUINN, "/api/recalls", with(mock, "scope", body("lotId", Long.parseLong(NO_SUCH_ID)))));
        });
        cases.put("POST /api/recalls/{id}/withdraw", () -> {
            Answer started = setUp(post(MARIA, "/api/recalls", recallOf(stocked(new LedgerFixtures(jdbc), 8))));
            runJobs(started.json().get("processInstanceId").asText());
            Call withdraw = post(
                    MARIA, "/api/recalls/" + started.json().get("id").asLong() + "/withdraw", body("note", "contract"));
            return new Scenario(
                    withdraw,
                    200,
                    withdraw.body(write(body("note", "another note"))),
                    withdraw.path("/api/recalls/" + NO_SUCH_ID + "/withdraw"));
        });
    }

    // ---- recall follow-up (issue 11 §3, second half): maria acknowledges, rita receives returns, quinn reconciles,
    // maria approves the closure
    // ---------------------------------------------------------------------------------------------

    private void recallFollowUp() {
        cases.put("POST /api/recalls/{id}/acknowledgements", () -> {
            long[] r = shippedRecall(10, 6);
            Map<String, Object> ack = body(
                    "customerId",
                    r[1],
                    "acknowledgedAt",
                    java.time.Instant.now().toString(),
                    "quantityAtCustomer",
                    6,
                    "quantityDestroyed",
                    0,
                    "returning",
                    true);
            Call valid = post(MARIA, "/api/recalls/" + r[0] + "/acknowledgements", ack);
            return new Scenario(
                    valid,
                    201,
                    valid.body(write(with(ack, "quantityDestroyed", 1))),
                    valid.path("/api/recalls/" + NO_SUCH_ID + "/acknowledgements"));
        });
        cases.put("POST /api/recalls/{id}/returns", () -> {
            long[] r = shippedRecall(10, 6);
            Map<String, Object> ret = body(
                    "customerId",
                    r[1],
                    "lotLabel",
                    jdbc.queryForObject("select internal_label from lot where id = ?", String.class, r[2]),
                    "quantity",
                    2,
                    "location",
                    org.lotledger.recall.RecallFixtures.RETURNS_LOCATION);
            Call valid = post(RITA, "/api/recalls/" + r[0] + "/returns", ret);
            return new Scenario(
                    valid,
                    201,
                    valid.body(write(with(ret, "quantity", 3))),
                    valid.path("/api/recalls/" + NO_SUCH_ID + "/returns"));
        });
        cases.put("POST /api/recalls/{id}/reconciliation", () -> {
            long[] r = shippedRecall(6, 6);
            Call valid = post(QUINN, "/api/recalls/" + r[0] + "/reconciliation", body("note", "contract"));
            return new Scenario(
                    valid,
                    200,
                    valid.body(write(body("note", "another note"))),
                    valid.path("/api/recalls/" + NO_SUCH_ID + "/reconciliation"));
        });
        cases.put("POST /api/recalls/{id}/closure", () -> {
            long[] r = shippedRecall(6, 6);
            setUp(post(QUINN, "/api/recalls/" + r[0] + "/reconciliation", body()));
            Call valid = post(MARIA, "/api/recalls/" + r[0] + "/closure", body("approve", true));
            return new Scenario(
                    valid,
                    200,
                    valid.body(write(body("approve", false, "note", "call them"))),
                    valid.path("/api/recalls/" + NO_SUCH_ID + "/closure"));
        });
    }

    /**
     * A lot of {@code stocked} units of which {@code shipped} went to a customer of the test's own, recalled LIVE by
     * maria with its holds placed: {recall id, customer id, lot id}. All shipped: nothing stays under the hold.
     */
    private long[] shippedRecall(long stocked, long shipped) {
        org.lotledger.recall.RecallFixtures rf = new org.lotledger.recall.RecallFixtures(jdbc, ledger);
        long lot = rf.f.newLot();
        rf.f.stock(ledger, lot, "A1", StockStatus.AVAILABLE, stocked);
        long customer = rf.customer("K", "HOSPITAL");
        rf.ship(lot, customer, "SH-" + rf.f.tag, shipped);
        Answer started = setUp(post(MARIA, "/api/recalls", recallOf(lot)));
        runJobs(started.json().get("processInstanceId").asText());
        return new long[] {started.json().get("id").asLong(), customer, lot};
    }

    private static Map<String, Object> recallOf(long lot) {
        return body("scope", body("lotId", lot), "reason", "contract", "recallClass", "II", "mode", "LIVE");
    }

    /** Runs the recall's own jobs (its holds, one lot each) as the job executor would. */
    private void runJobs(String processInstanceId) {
        org.camunda.bpm.engine.ManagementService jobs = context.getBean(org.camunda.bpm.engine.ManagementService.class);
        for (int i = 0; i < 50; i++) {
            // the holds' continuations; never the repeating follow-up timer
            var due = jobs.createJobQuery()
                    .processInstanceId(processInstanceId)
                    .messages()
                    .list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> jobs.executeJob(j.getId()));
        }
    }

    // ---- helpers
    // -----------------------------------------------------------------------------------------------------

    /** Sends a fixture's request with a fresh key and insists that it succeeds. */
    Answer setUp(Call call) {
        Answer a = http.send(call, call.method().equals("GET") ? null : IdempotencyKeys.fresh());
        assertThat(a.status()).as("fixture request %s answered %s", call, a).isBetween(200, 299);
        return a;
    }

    Call post(String user, String path, Map<String, Object> body) {
        return Call.of(user, "POST", path).body(write(body));
    }

    String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long zoneOf(long location) {
        return jdbc.queryForObject("select zone_id from location where id = ?", Long.class, location);
    }

    private long supplier(String code) {
        return jdbc.queryForObject("select id from supplier where code = ?", Long.class, code);
    }

    private long itemId(String sku) {
        return jdbc.queryForObject("select id from item where sku = ?", Long.class, sku);
    }

    /** A code no other test uses: letters and digits, short enough for every catalog code column. */
    static String code(String prefix) {
        return prefix
                + SEQ.incrementAndGet()
                + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(body);
        m.put(field, value);
        return m;
    }
}
