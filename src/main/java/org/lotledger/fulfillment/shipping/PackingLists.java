package org.lotledger.fulfillment.shipping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.lotledger.catalog.Address;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.GtinAssignment;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.location.WarehouseService;
import org.lotledger.catalog.location.WarehouseView;
import org.lotledger.catalog.partner.CustomerService;
import org.lotledger.catalog.partner.CustomerView;
import org.lotledger.fulfillment.SalesOrderQueries;
import org.lotledger.fulfillment.SalesOrderView;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The packing list of a shipment as data (issue 9 §7): who ships to whom (name, address, GLN), the shipment and
 * order numbers and dates, and per line the item (SKU, GTIN, description), the lot (number, internal label, expiry),
 * quantity and unit, temperature class. Before dispatch it lists what is staged; after, what shipped.
 * docs/fulfillment.md maps the fields to DSCSA transaction information and FSMA 204 key data elements.
 *
 * <p>Other documents of stock leaving a warehouse (a transfer order's, issue 10) are built by {@link #document} from
 * their own header and lots and written by {@link #csv}: one format for every packing list.
 */
@Service
@NamedInterface("shipping")
public class PackingLists {

    @NamedInterface("shipping")
    public record Party(String name, String code, Address address, String gln) {

        /** A warehouse as a party: its name, code, address and GLN. */
        public static Party of(WarehouseView w) {
            return new Party(w.name(), w.code(), w.address(), w.gln());
        }
    }

    /** One lot of a packing list as its document knows it; the item's fields are read from the catalog. */
    @NamedInterface("shipping")
    public record PackedLot(
            int line, long itemId, String lotNumber, String internalLabel, LocalDate expiresOn, long quantity) {}

    @NamedInterface("shipping")
    public record Item(
            int line,
            String sku,
            String gtin,
            String description,
            String lotNumber,
            String internalLabel,
            LocalDate expiresOn,
            long quantity,
            String unit,
            String temperatureClass) {}

    @NamedInterface("shipping")
    public record PackingList(
            String shipmentNumber,
            String state,
            String orderNumber,
            LocalDate requestedShipDate,
            Instant openedAt,
            Instant dispatchedAt,
            Party shipFrom,
            Party shipTo,
            List<Item> items) {}

    static final List<String> CSV_HEADER = List.of(
            "shipment_number",
            "state",
            "order_number",
            "requested_ship_date",
            "dispatched_at",
            "ship_from_name",
            "ship_from_gln",
            "ship_from_address",
            "ship_to_name",
            "ship_to_gln",
            "ship_to_address",
            "line",
            "sku",
            "gtin",
            "description",
            "lot_number",
            "internal_label",
            "expiry",
            "quantity",
            "unit",
            "temperature_class");

    private final Shipping shipping;
    private final SalesOrderQueries orders;
    private final CatalogQueries catalog;
    private final WarehouseService warehouses;
    private final CustomerService customers;

    PackingLists(
            Shipping shipping,
            SalesOrderQueries orders,
            CatalogQueries catalog,
            WarehouseService warehouses,
            CustomerService customers) {
        this.shipping = shipping;
        this.orders = orders;
        this.catalog = catalog;
        this.warehouses = warehouses;
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    public PackingList of(long shipmentId) {
        ShipmentView s = shipping.get(shipmentId);
        SalesOrderView order = orders.get(s.salesOrderId());
        WarehouseView from = warehouses.get(s.warehouseId());
        CustomerView to = customers.get(s.customerId());
        boolean dispatched = s.state().equals("DISPATCHED");
        List<PackedLot> lots = new ArrayList<>();
        for (ShipmentView.Line l : s.lines()) {
            long quantity = dispatched ? (l.shippedQuantity() == null ? 0 : l.shippedQuantity()) : l.stagedQuantity();
            if (quantity == 0 || (!dispatched && !l.state().equals("STAGED"))) {
                continue;
            }
            lots.add(new PackedLot(l.lineNo(), l.itemId(), l.lotNumber(), l.internalLabel(), l.expiresOn(), quantity));
        }
        return document(
                s.shipmentNumber(),
                s.state(),
                order.orderNumber(),
                order.requestedShipDate(),
                s.openedAt(),
                s.dispatchedAt(),
                Party.of(from),
                new Party(to.name(), to.code(), to.shipTo(), to.gln()),
                lots);
    }

    /**
     * A packing list of any document that sends stock: its number and state, the order it serves and its date, who
     * ships to whom, and the lots (the item's SKU, base-unit GTIN, description and temperature class from the
     * catalog).
     */
    @Transactional(readOnly = true)
    public PackingList document(
            String number,
            String state,
            String orderNumber,
            LocalDate shipDate,
            Instant openedAt,
            Instant dispatchedAt,
            Party shipFrom,
            Party shipTo,
            List<PackedLot> lots) {
        List<Item> items = new ArrayList<>();
        for (PackedLot l : lots) {
            ItemView item = catalog.findItem(l.itemId()).orElseThrow();
            items.add(new Item(
                    l.line(),
                    item.sku(),
                    gtin(item),
                    item.name(),
                    l.lotNumber(),
                    l.internalLabel(),
                    l.expiresOn(),
                    l.quantity(),
                    item.baseUom(),
                    item.temperatureClass() == null
                            ? null
                            : item.temperatureClass().name()));
        }
        return new PackingList(number, state, orderNumber, shipDate, openedAt, dispatchedAt, shipFrom, shipTo, items);
    }

    /** The packing list as CSV: a header row, then one row per item with the shipment's fields repeated. */
    public String csv(PackingList p) {
        List<List<Object>> rows = new ArrayList<>();
        for (Item i : p.items()) {
            List<Object> r = new ArrayList<>();
            r.add(p.shipmentNumber());
            r.add(p.state());
            r.add(p.orderNumber());
            r.add(p.requestedShipDate());
            r.add(p.dispatchedAt());
            r.add(p.shipFrom().name());
            r.add(p.shipFrom().gln());
            r.add(address(p.shipFrom().address()));
            r.add(p.shipTo().name());
            r.add(p.shipTo().gln());
            r.add(address(p.shipTo().address()));
            r.add(i.line());
            r.add(i.sku());
            r.add(i.gtin());
            r.add(i.description());
            r.add(i.lotNumber());
            r.add(i.internalLabel());
            r.add(i.expiresOn());
            r.add(i.quantity());
            r.add(i.unit());
            r.add(i.temperatureClass());
            rows.add(r);
        }
        return Csv.of(CSV_HEADER, rows);
    }

    /** The GTIN of the base unit (what the quantity counts), else none. */
    private static String gtin(ItemView item) {
        return item.gtins() == null
                ? null
                : item.gtins().stream()
                        .filter(g -> g.uom().equalsIgnoreCase(item.baseUom()))
                        .map(GtinAssignment::gtin)
                        .findFirst()
                        .orElse(null);
    }

    static String address(Address a) {
        if (a == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        parts.add(a.line1());
        if (a.line2() != null) {
            parts.add(a.line2());
        }
        parts.add((a.postalCode() == null ? "" : a.postalCode() + " ") + a.city());
        if (a.region() != null) {
            parts.add(a.region());
        }
        parts.add(a.country());
        return String.join(", ", parts);
    }
}
