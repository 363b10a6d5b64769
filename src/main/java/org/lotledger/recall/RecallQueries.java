package org.lotledger.recall;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recalls as the API shows them. */
@Service
public class RecallQueries {

    private final Recalls recalls;
    private final org.lotledger.catalog.CatalogQueries catalog;

    RecallQueries(Recalls recalls, org.lotledger.catalog.CatalogQueries catalog) {
        this.recalls = recalls;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    public RecallView view(long recallId) {
        return view(recalls.get(recallId));
    }

    @Transactional(readOnly = true)
    public List<RecallView> list(RecallStatus status, int limit, int offset) {
        return recalls.list(status, limit, offset).stream().map(this::view).toList();
    }

    private RecallView view(Recalls.Row r) {
        List<RecallView.Lot> lots = recalls.lots(r.id());
        java.util.Map<Long, String> labels = new java.util.HashMap<>();
        lots.forEach(l -> labels.put(l.lotId(), l.internalLabel()));
        String sku = r.scope().itemId() == null
                ? null
                : catalog.findItem(r.scope().itemId())
                        .map(org.lotledger.catalog.item.ItemView::sku)
                        .orElse(null);
        return new RecallView(
                r.id(),
                r.number(),
                r.scope(),
                Recalls.scopeLabel(r.scope(), labels, sku),
                r.reason(),
                r.recallClass(),
                r.mode(),
                r.note(),
                r.status(),
                r.processInstanceId(),
                r.startedBy(),
                r.startedAt(),
                r.holdsPlacedAt(),
                r.withdrawnBy(),
                r.withdrawnAt(),
                r.withdrawalNote(),
                lots);
    }
}
