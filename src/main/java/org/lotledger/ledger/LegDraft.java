package org.lotledger.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lotledger.ledger.StockFacts.LotFacts;

/** A leg before it is numbered and sequenced: a signed quantity of a lot in one bucket, at the lot's cost. */
record LegDraft(long lotId, long locationId, StockStatus status, long quantity, BigDecimal unitCost, String currency) {

    Bucket bucket() {
        return new Bucket(lotId, locationId, status);
    }

    /** Two legs per movement, the source's negative and the target's positive, in the movements' order. */
    static List<LegDraft> of(List<Movement> movements, Map<Long, LotFacts> lots) {
        List<LegDraft> legs = new ArrayList<>(movements.size() * 2);
        for (Movement m : movements) {
            LotFacts lot = lots.get(m.lotId());
            legs.add(new LegDraft(
                    m.lotId(), m.fromLocationId(), m.fromStatus(), -m.quantity(), lot.unitCost(), lot.currency()));
            legs.add(new LegDraft(
                    m.lotId(), m.toLocationId(), m.toStatus(), m.quantity(), lot.unitCost(), lot.currency()));
        }
        return legs;
    }
}
