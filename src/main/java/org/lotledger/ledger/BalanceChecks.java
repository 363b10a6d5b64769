package org.lotledger.ledger;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.StockFacts.LocationFacts;
import org.lotledger.ledger.StockFacts.LotFacts;

/**
 * The gate's checks of a posting's legs against the kept balances, as pure functions over the facts the gate read
 * under the lots' locks ({@link StockFacts}): conservation, no negative balance where none may be, the locations'
 * capacity, and an opening balance as the first posting of a lot at a location. Run in this order, after the
 * movements' checks ({@link MovementChecks}).
 */
final class BalanceChecks {

    private BalanceChecks() {}

    /** Per bucket, what the legs add to it (in the legs' order). */
    static Map<Bucket, Long> delta(List<LegDraft> legs) {
        Map<Bucket, Long> delta = new LinkedHashMap<>();
        for (LegDraft l : legs) {
            delta.merge(l.bucket(), l.quantity(), Long::sum);
        }
        return delta;
    }

    /** Legs are derived from movements, so this holds by construction; a failure is a defect, not a refusal. */
    static void conservation(List<LegDraft> legs) {
        Map<Long, Long> perLot = new HashMap<>();
        for (LegDraft l : legs) {
            perLot.merge(l.lotId(), l.quantity(), Long::sum);
        }
        perLot.forEach((lot, sum) -> {
            if (sum != 0) {
                throw new IllegalStateException("posting does not conserve lot " + lot + ": " + sum);
            }
        });
    }

    /** No balance goes negative, except at the locations stock comes from (a supplier, the adjustment location). */
    static void noNegativeBalance(Map<Bucket, Long> delta, StockFacts facts) {
        for (var e : delta.entrySet()) {
            Bucket b = e.getKey();
            LocationFacts loc = facts.locations().get(b.locationId());
            BigDecimal have = facts.balances().getOrDefault(b, BigDecimal.ZERO);
            BigDecimal after = have.add(BigDecimal.valueOf(e.getValue()));
            if (after.signum() < 0 && !loc.kind().mayGoNegative()) {
                throw insufficient(b, loc, facts.lots().get(b.lotId()), have, -e.getValue(), facts.balances());
            }
        }
    }

    /** What a location holds after the posting, across lots (a soft limit, see docs/architecture.md). */
    static void capacity(Map<Bucket, Long> delta, StockFacts facts) {
        Map<Long, Long> incoming = new HashMap<>();
        delta.forEach((b, q) -> {
            if (q > 0 && facts.locations().get(b.locationId()).capacity() != null) {
                incoming.merge(b.locationId(), q, Long::sum);
            }
        });
        for (var e : incoming.entrySet()) {
            LocationFacts loc = facts.locations().get(e.getKey());
            BigDecimal held = facts.heldAt().getOrDefault(e.getKey(), BigDecimal.ZERO);
            BigDecimal outgoing = BigDecimal.valueOf(delta.entrySet().stream()
                    .filter(d -> d.getKey().locationId() == e.getKey() && d.getValue() < 0)
                    .mapToLong(Map.Entry::getValue)
                    .sum());
            if (held.add(outgoing).add(BigDecimal.valueOf(e.getValue())).compareTo(loc.capacity()) > 0) {
                throw DomainException.unprocessable(
                        "LOCATION_CAPACITY_EXCEEDED",
                        "Location " + loc.code() + " holds "
                                + held.stripTrailingZeros().toPlainString() + " of "
                                + loc.capacity().stripTrailingZeros().toPlainString()
                                + " base units; " + e.getValue() + " more do not fit.",
                        Map.of("location", loc.code()));
            }
        }
    }

    /**
     * An opening balance is for a lot and location that have no posting yet (go-live); afterwards stock there is
     * corrected by an ADJUSTMENT. The balances are read under the lots' locks, so two opening balances for one lot
     * and location cannot both pass.
     */
    static void openingBalanceIsFirst(PostingRequest r, StockFacts facts) {
        if (r.type() != PostingType.OPENING_BALANCE) {
            return;
        }
        for (Movement m : r.movements()) {
            boolean posted = facts.balances().keySet().stream()
                    .anyMatch(b -> b.lotId() == m.lotId() && b.locationId() == m.toLocationId());
            if (posted) {
                String lot = facts.lots().get(m.lotId()).internalLabel();
                String at = facts.locations().get(m.toLocationId()).code();
                throw DomainException.unprocessable(
                        "OPENING_BALANCE_NOT_FIRST",
                        "Lot " + lot + " at " + at
                                + " already has postings: an opening balance is the first posting of a lot at"
                                + " a location; correct the stock there with an ADJUSTMENT.",
                        Map.of("lot", lot, "location", at));
            }
        }
    }

    private static DomainException insufficient(
            Bucket b, LocationFacts loc, LotFacts lot, BigDecimal have, long wanted, Map<Bucket, BigDecimal> balances) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lot", lot.internalLabel());
        details.put("location", loc.code());
        details.put("stockStatus", b.status().name());
        details.put("available", have.stripTrailingZeros().toPlainString());
        details.put("requested", wanted);
        if (have.signum() == 0) {
            Map<String, BigDecimal> elsewhere = new TreeMap<>();
            balances.forEach((other, quantity) -> {
                if (other.lotId() == b.lotId() && other.locationId() == b.locationId() && quantity.signum() > 0) {
                    // plain: 300.0000 answers 300, not 3E+2
                    elsewhere.put(
                            other.status().name(),
                            new BigDecimal(quantity.stripTrailingZeros().toPlainString()));
                }
            });
            if (!elsewhere.isEmpty()) {
                details.put("otherStatuses", elsewhere);
                return DomainException.unprocessable(
                        "LOT_NOT_AVAILABLE",
                        "Lot " + lot.internalLabel() + " at " + loc.code() + " has no " + b.status() + " stock; it is "
                                + elsewhere.keySet() + ".",
                        details);
            }
        }
        return DomainException.unprocessable(
                "INSUFFICIENT_BALANCE",
                "Lot " + lot.internalLabel() + " at " + loc.code() + " has "
                        + have.stripTrailingZeros().toPlainString() + " " + b.status() + ", " + wanted + " needed.",
                details);
    }
}
