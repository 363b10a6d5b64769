package org.lotledger.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.StockFacts.LocationFacts;
import org.lotledger.ledger.StockFacts.LotFacts;

/**
 * The ledger's documented limits (docs/api-conventions.md), as pure functions over the facts the gate has read:
 * how large one movement may be, and when a posting may say it happened. What the columns hold ({@code
 * numeric(19,4)}) is far beyond them, so a request inside the limits never fails in the database.
 */
final class LedgerLimits {

    /** The most base units one movement moves: a trillion. */
    static final long MAX_QUANTITY = 1_000_000_000_000L;
    /** The most one leg may be worth in the lot's currency (its extended value). */
    static final BigDecimal MAX_VALUE = new BigDecimal("100000000000000");
    /** How far ahead of this node's clock an {@code occurredAt} may be: scanners' clocks drift. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Before any warehouse has a go-live date, nothing in Lot Ledger happened before this day. */
    static final Instant EARLIEST =
            LocalDate.of(2000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private LedgerLimits() {}

    static void checkSize(Movement m, LotFacts lot) {
        if (m.quantity() > MAX_QUANTITY) {
            throw DomainException.unprocessable(
                    "QUANTITY_TOO_LARGE",
                    "One movement moves at most " + MAX_QUANTITY + " base units; got " + m.quantity() + ".",
                    Map.of("maxQuantity", MAX_QUANTITY));
        }
        if (lot != null
                && BigDecimal.valueOf(m.quantity()).multiply(lot.unitCost()).compareTo(MAX_VALUE) > 0) {
            throw DomainException.unprocessable(
                    "QUANTITY_TOO_LARGE",
                    "One movement is worth at most "
                            + MAX_VALUE.toPlainString() + " " + lot.currency() + "; " + m.quantity() + " of lot "
                            + lot.internalLabel() + " would be more.",
                    Map.of("lot", lot.internalLabel()));
        }
    }

    /** A posting may be back-dated (a scanner syncing after being offline), never dated in the future. */
    static void checkOccurredAt(Instant occurredAt, Instant now) {
        if (occurredAt == null) {
            return;
        }
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw DomainException.unprocessable(
                    "OCCURRED_IN_FUTURE",
                    "occurredAt " + occurredAt + " is in the future" + " (more than " + CLOCK_SKEW.toMinutes()
                            + " minutes ahead of " + now + ").",
                    Map.of("occurredAt", occurredAt.toString()));
        }
        if (occurredAt.isBefore(EARLIEST)) {
            throw DomainException.unprocessable(
                    "OCCURRED_BEFORE_GO_LIVE",
                    "occurredAt " + occurredAt + " is before " + EARLIEST + ".",
                    Map.of("occurredAt", occurredAt.toString()));
        }
    }

    /** Nothing happened in a warehouse before it went live on Lot Ledger (ADR 0005: back-dated postings). */
    static void checkGoLive(Instant occurredAt, Map<Long, LocalDate> goLive, Map<Long, LocationFacts> locations) {
        for (LocationFacts l : locations.values()) {
            LocalDate day = l.warehouseId() == null ? null : goLive.get(l.warehouseId());
            // the go-live day counts from its first instant anywhere on earth
            if (day != null
                    && occurredAt.isBefore(
                            day.atStartOfDay(ZoneOffset.ofHours(14)).toInstant())) {
                throw DomainException.unprocessable(
                        "OCCURRED_BEFORE_GO_LIVE",
                        "occurredAt " + occurredAt + " is before the go-live date " + day + " of the warehouse of "
                                + l.code() + ".",
                        Map.of("occurredAt", occurredAt.toString(), "goLiveOn", day.toString(), "location", l.code()));
            }
        }
    }
}
