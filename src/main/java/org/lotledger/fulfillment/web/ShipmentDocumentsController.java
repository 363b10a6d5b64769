package org.lotledger.fulfillment.web;

import java.time.LocalDate;
import java.util.Map;
import org.lotledger.common.DomainException;
import org.lotledger.fulfillment.shipping.PackingLists;
import org.lotledger.fulfillment.shipping.ShipmentHistory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shipment documents as data: the packing list, and the lot-level shipment history per lot and per customer. JSON,
 * or CSV (RFC 4180, a header row) with {@code Accept: text/csv} or {@code ?format=csv}.
 */
@RestController
public class ShipmentDocumentsController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final PackingLists packingLists;
    private final ShipmentHistory history;

    public ShipmentDocumentsController(PackingLists packingLists, ShipmentHistory history) {
        this.packingLists = packingLists;
        this.history = history;
    }

    @GetMapping("/api/shipments/{id}/packing-list")
    public ResponseEntity<?> packingList(
            @PathVariable long id,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        PackingLists.PackingList p = packingLists.of(id);
        return csv(format, accept)
                ? csvAnswer(packingLists.csv(p), "packing-list-" + p.shipmentNumber() + ".csv")
                : ResponseEntity.ok(p);
    }

    @GetMapping("/api/lots/{id}/shipments")
    public ResponseEntity<?> ofLot(
            @PathVariable long id,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ShipmentHistory.History h = history.ofLot(id);
        return csv(format, accept) ? csvAnswer(history.csv(h), "lot-" + id + "-shipments.csv") : ResponseEntity.ok(h);
    }

    @GetMapping("/api/customers/{id}/shipments")
    public ResponseEntity<?> ofCustomer(
            @PathVariable long id,
            @RequestParam(required = false) Long item,
            @RequestParam(required = false) String lot,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (lot != null && lot.length() > 60) {
            throw new DomainException(
                    "INVALID_VALUE", DomainException.Kind.BAD_REQUEST, "lot has at most 60 characters.", Map.of());
        }
        ShipmentHistory.History h = history.ofCustomer(id, item, lot, from, to);
        return csv(format, accept)
                ? csvAnswer(history.csv(h), "customer-" + id + "-shipments.csv")
                : ResponseEntity.ok(h);
    }

    static boolean csv(String format, String accept) {
        if (format != null) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw new DomainException(
                    "INVALID_FORMAT",
                    DomainException.Kind.BAD_REQUEST,
                    "format is json or csv, not " + format + ".",
                    Map.of("format", format));
        }
        return accept != null && accept.toLowerCase().contains("text/csv");
    }

    private static ResponseEntity<String> csvAnswer(String body, String filename) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }
}
