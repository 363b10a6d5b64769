package org.lotledger.recall;

import java.util.List;
import java.util.Map;
import org.lotledger.catalog.CatalogQueries;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves a {@link RecallScope} to the lots it matches and, with them, every lot descended from them in the
 * genealogy (a relabelled child carries the parent's risk). Joins the caller's transaction, so a trace reads the
 * scope in the same snapshot as the ledger.
 */
@Component
public class LotsInScope {

    /** How many lineage edges deep the scope and the trace follow a lot's children or parents. */
    public static final int MAX_DEPTH = 20;

    /**
     * @param matched the lots the scope names, ascending
     * @param inScope the matched lots and their descendants, each with its distance from the nearest matched lot
     *                (0 for the matched lots), nearest first
     */
    public record ScopeLots(List<Long> matched, Map<Long, Integer> inScope) {
        public boolean isEmpty() {
            return matched.isEmpty();
        }
    }

    private final CatalogQueries catalog;

    public LotsInScope(CatalogQueries catalog) {
        this.catalog = catalog;
    }

    /** @throws org.lotledger.common.DomainException SCOPE_INVALID (400) for a scope that names no single form */
    @Transactional(readOnly = true)
    public ScopeLots resolve(RecallScope scope) {
        // one statement: the matched lots are those at distance 0, ascending (the walk orders by distance, then id)
        Map<Long, Integer> inScope = catalog.matchingWithDescendants(scope.selector(), MAX_DEPTH);
        List<Long> matched = inScope.entrySet().stream()
                .filter(e -> e.getValue() == 0)
                .map(Map.Entry::getKey)
                .toList();
        return new ScopeLots(matched, inScope);
    }

    /** The lots the given lots descend from (parents, grandparents...), with their distance; the lots at 0. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> ancestors(List<Long> lots) {
        return catalog.ancestors(lots, MAX_DEPTH);
    }
}
