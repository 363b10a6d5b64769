package org.lotledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lotledger.common.Actor;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.Movement;
import org.lotledger.ledger.PostingRequest;
import org.lotledger.ledger.PostingType;
import org.lotledger.ledger.Reservation;
import org.lotledger.ledger.Reservations;
import org.lotledger.ledger.StockStatus;

/**
 * An outbound order of the demo hospital MERCY-HOSP from the EAST warehouse, placed through the API as the ERP does,
 * and stock staged for it as the pick does (a PICK posting storage → staging and a pending SALES_ORDER reservation at
 * the staging location), for the API tests that ship (ShipmentsApiTest), recall (RecallIntegrationTest) and walk it
 * through Tasklist (OutboundOrderThroughApiAndTasklistTest).
 */
public final class EastSalesOrders {

    /** Who posts the opening balances, who stages (walt, EAST staff), who reserves. */
    public static final Actor IVY = new Actor("ivy", Set.of("inventory-control"));

    public static final Actor WALT = new Actor("walt", Set.of("warehouse", "warehouse@EAST"));
    public static final Actor OTTO = new Actor("otto", Set.of("operations"));

    /** The placed order: its id, its two lines, the item they order and the customer. */
    public record Placed(long orderId, long line1, long line2, long itemId, long customerId) {}

    private EastSalesOrders() {}

    /** Places {@code SO-<tag>} for MERCY-HOSP at EAST, due in two days, two lines of {@code sku}. */
    public static Placed place(ApiClient erp, String tag, String sku, int firstQuantity, int secondQuantity) {
        HttpReply placed = erp.post(
                "/api/sales-orders", body("SO-" + tag, List.of(line(sku, firstQuantity), line(sku, secondQuantity))));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        return new Placed(
                placed.id(),
                placed.body().at("/lines/0/id").asLong(),
                placed.body().at("/lines/1/id").asLong(),
                placed.body().at("/lines/0/itemId").asLong(),
                placed.body().get("customerId").asLong());
    }

    /** The ERP's order {@code orderNumber} for MERCY-HOSP at EAST, due in two days. */
    public static Map<String, Object> body(String orderNumber, List<Map<String, Object>> lines) {
        return Map.of(
                "source",
                "ERP",
                "orderNumber",
                orderNumber,
                "customerCode",
                "MERCY-HOSP",
                "warehouseCode",
                "EAST",
                "requestedShipDate",
                LocalDate.now().plusDays(2).toString(),
                "lines",
                lines);
    }

    /** What the pick does for one line: PICK storage → staging, and a pending reservation of the line there. */
    public static Reservation stage(
            Ledger ledger,
            Reservations reservations,
            long orderId,
            long lineId,
            long lot,
            long storage,
            long staging,
            long quantity) {
        ledger.post(PostingRequest.of(PostingType.PICK, WALT, UUID.randomUUID().toString())
                .movement(new Movement(lot, storage, StockStatus.AVAILABLE, staging, StockStatus.AVAILABLE, quantity))
                .build());
        return reservations.reserve(
                new Reservations.ReserveRequest(
                        new Reservation.Demand("SALES_ORDER", String.valueOf(orderId), String.valueOf(lineId)),
                        lot,
                        staging,
                        quantity,
                        "staged by the test"),
                OTTO,
                UUID.randomUUID().toString());
    }

    private static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity, "uom", "EA", "unitPrice", 0.09, "currency", "USD");
    }
}
