package org.lotledger.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.catalog.location.LocationKind;
import org.lotledger.common.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger gate's rule for HOLD stock: no posting creates or removes HOLD stock at a physical or in-transit
 * location unless, in the same transaction, an open hold adopts it (a hold placed, an accepted inspection under a
 * hold, an arrival under a hold) or a hold records what became of it (released, scrapped, staged for return to
 * vendor, not found). The quality book is written after the posting, so the check runs just before the transaction
 * commits; a posting whose HOLD stock no hold accounts for fails the commit with {@code HOLD_STOCK_OUTSIDE_HOLD}
 * (422) and posts nothing. Counts and investigations rely on this: every unit in HOLD has a hold that answers for it.
 */
@Component
public class HeldStockGate {

    private final ObjectProvider<HeldStock> book;

    public HeldStockGate(ObjectProvider<HeldStock> book) {
        this.book = book;
    }

    /** The HOLD quantities a posting changes at physical and in-transit locations, per lot and location. */
    static Map<HeldStock.LotAt, Long> holdChanges(Posting p, Map<Long, StockFacts.LocationFacts> locations) {
        Map<HeldStock.LotAt, Long> delta = new LinkedHashMap<>();
        for (Posting.Leg leg : p.legs()) {
            LocationKind kind = locations.get(leg.locationId()).kind();
            if (leg.status() == StockStatus.HOLD
                    && (kind == LocationKind.PHYSICAL || kind == LocationKind.IN_TRANSIT)) {
                delta.merge(
                        new HeldStock.LotAt(leg.lotId(), leg.locationId()),
                        leg.quantity().longValueExact(),
                        Long::sum);
            }
        }
        delta.values().removeIf(q -> q == 0);
        return delta;
    }

    /** Checks, before the caller's transaction commits, that the holds' book accounts for these HOLD changes. */
    void expect(Posting p, Map<HeldStock.LotAt, Long> changes, Map<Long, StockFacts.LocationFacts> locations) {
        if (changes.isEmpty()) {
            return;
        }
        // one check per transaction (the current one: a suspended outer transaction's synchronizations are not listed)
        Check check = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(s -> s instanceof Check c && c.gate() == this)
                .map(Check.class::cast)
                .findFirst()
                .orElseGet(() -> {
                    Check c = new Check();
                    TransactionSynchronizationManager.registerSynchronization(c);
                    return c;
                });
        check.expected.add(new Expected(p, changes, locations));
    }

    private record Expected(
            Posting posting, Map<HeldStock.LotAt, Long> changes, Map<Long, StockFacts.LocationFacts> locations) {}

    private final class Check implements TransactionSynchronization {
        final List<Expected> expected = new ArrayList<>();

        HeldStockGate gate() {
            return HeldStockGate.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            verify(expected);
        }
    }

    private void verify(List<Expected> expected) {
        HeldStock holds = book.getIfAvailable();
        for (Expected e : expected) {
            Map<HeldStock.LotAt, Long> adopted =
                    holds == null ? Map.of() : holds.adoptedBy(e.posting().id());
            Map<HeldStock.LotAt, Long> givenUp =
                    holds == null ? Map.of() : holds.givenUpBy(e.posting().id());
            for (var c : e.changes().entrySet()) {
                long recorded =
                        c.getValue() > 0 ? adopted.getOrDefault(c.getKey(), 0L) : givenUp.getOrDefault(c.getKey(), 0L);
                if (recorded != Math.abs(c.getValue())) {
                    throw refused(e, c.getKey(), c.getValue(), recorded);
                }
            }
        }
    }

    private static DomainException refused(Expected e, HeldStock.LotAt at, long change, long recorded) {
        String where = e.locations().get(at.locationId()).code();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("postingType", e.posting().type().name());
        details.put("lotId", at.lotId());
        details.put("location", where);
        details.put("holdChange", change);
        details.put("accountedForByHolds", recorded);
        String what = change > 0
                ? "puts " + change + " in HOLD at " + where + ", of which open quality holds adopt " + recorded
                : "takes " + (-change) + " out of HOLD at " + where + ", of which quality holds record " + recorded
                        + " as released, scrapped, staged for return or not found";
        return DomainException.unprocessable(
                "HOLD_STOCK_OUTSIDE_HOLD",
                "This " + e.posting().type() + " of lot "
                        + at.lotId() + " " + what
                        + ". Stock in HOLD exists only under a quality hold: place a hold (or use "
                        + "the hold's decisions) instead of posting HOLD stock directly.",
                details);
    }
}
