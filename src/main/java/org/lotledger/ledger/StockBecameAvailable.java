package org.lotledger.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lotledger.catalog.location.LocationKind;

/**
 * A posting added AVAILABLE stock where it can be allocated: legs landing AVAILABLE at physical locations of a
 * STORAGE or PICK_FACE zone, more than the same posting took out of such zones of the same item and warehouse (a
 * move from storage to a pick face adds nothing). Whatever the posting type: PUTAWAY from a dock, TRANSFER_IN, RETURN,
 * a STATUS_CHANGE to AVAILABLE (a hold released), an opening balance or a positive adjustment. One event per
 * warehouse of the posting, published by {@link Ledger#post} inside the posting's transaction: a listener that acts on
 * it listens after commit (fulfilment allocates backordered lines again). Carries ids only.
 */
public record StockBecameAvailable(long postingId, PostingType type, long warehouseId, List<Long> itemIds) {

    /** The zone types allocation takes stock from (ALLOC-010). */
    static final Set<String> ALLOCATABLE_ZONES = Set.of("STORAGE", "PICK_FACE");

    public StockBecameAvailable {
        itemIds = List.copyOf(itemIds);
    }

    /** The events a recorded posting gives, per warehouse (none when it adds no allocatable AVAILABLE stock). */
    static List<StockBecameAvailable> of(Posting posted, StockFacts facts) {
        Map<Long, Map<Long, BigDecimal>> net = new TreeMap<>();
        for (Posting.Leg leg : posted.legs()) {
            StockFacts.LocationFacts at = facts.locations().get(leg.locationId());
            StockFacts.LotFacts lot = facts.lots().get(leg.lotId());
            if (leg.status() != StockStatus.AVAILABLE
                    || at == null
                    || lot == null
                    || at.kind() != LocationKind.PHYSICAL
                    || at.warehouseId() == null
                    || !ALLOCATABLE_ZONES.contains(at.zoneType())) {
                continue;
            }
            net.computeIfAbsent(at.warehouseId(), k -> new TreeMap<>())
                    .merge(lot.itemId(), leg.quantity(), BigDecimal::add);
        }
        return net.entrySet().stream()
                .map(w -> new StockBecameAvailable(
                        posted.id(),
                        posted.type(),
                        w.getKey(),
                        List.copyOf(new TreeSet<>(w.getValue().entrySet().stream()
                                .filter(e -> e.getValue().signum() > 0)
                                .map(Map.Entry::getKey)
                                .toList()))))
                .filter(e -> !e.itemIds().isEmpty())
                .toList();
    }
}
