package org.lotledger.fulfillment.allocation;

import java.time.Instant;
import java.time.LocalDate;
import org.lotledger.catalog.location.ZoneType;
import org.lotledger.ledger.StockStatus;

/** Test data: a candidate built by what the scenario says about it, with sensible defaults for the rest. */
final class Stock {

    static final long EAST = 1;
    static final long WEST = 2;
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private long lot = 1;
    private long location = 100;
    private long item = 7;
    private long warehouse = EAST;
    private ZoneType zone = ZoneType.STORAGE;
    private StockStatus status = StockStatus.AVAILABLE;
    private long onHand = 100;
    private long reserved;
    private LocalDate expiry = TODAY.plusDays(365);
    private Instant received = Instant.parse("2026-01-01T08:00:00Z");
    private long caseSize = 1;
    private boolean held;

    static Stock lot(long lot) {
        Stock s = new Stock();
        s.lot = lot;
        s.location = 100 + lot;
        return s;
    }

    Stock at(long location, ZoneType zone) {
        this.location = location;
        this.zone = zone;
        return this;
    }

    Stock item(long item) {
        this.item = item;
        return this;
    }

    Stock in(long warehouse) {
        this.warehouse = warehouse;
        return this;
    }

    Stock status(StockStatus status) {
        this.status = status;
        return this;
    }

    Stock onHand(long onHand) {
        this.onHand = onHand;
        return this;
    }

    Stock reserved(long reserved) {
        this.reserved = reserved;
        return this;
    }

    Stock expires(LocalDate expiry) {
        this.expiry = expiry;
        return this;
    }

    Stock expiresInDays(int days) {
        return expires(TODAY.plusDays(days));
    }

    Stock received(String instant) {
        this.received = Instant.parse(instant);
        return this;
    }

    Stock cases(long caseSize) {
        this.caseSize = caseSize;
        return this;
    }

    Stock underHold() {
        this.held = true;
        return this;
    }

    Candidate build() {
        return new Candidate(
                lot, location, item, warehouse, zone, status, onHand, reserved, expiry, received, caseSize, held);
    }
}
