package org.lotledger.catalog.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the audit of catalog changes. Callers hand over the entity's view before and after the change; the
 * difference becomes {@code {field: {from, to}}}, so the audit can never drift from what the API shows.
 */
@Service
public class CatalogAuditLog {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String DEACTIVATED = "DEACTIVATED";

    /** bookkeeping fields that change with every write and say nothing about the business change */
    private static final Set<String> IGNORED = Set.of("id", "version", "createdAt", "updatedAt");

    private final CatalogAuditEntries entries;
    private final ObjectMapper json;

    public CatalogAuditLog(CatalogAuditEntries entries, ObjectMapper json) {
        this.entries = entries;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void created(String entityType, Object id, Object view, String actor) {
        write(entityType, id, CREATED, diff(Map.of(), snapshot(view)), actor);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(String entityType, Object id, Object before, Object after, String actor) {
        Map<String, Object> changes = diff(snapshot(before), snapshot(after));
        if (!changes.isEmpty()) {
            write(entityType, id, UPDATED, changes, actor);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deactivated(String entityType, Object id, String actor) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", true);
        change.put("to", false);
        write(entityType, id, DEACTIVATED, Map.of("active", change), actor);
    }

    @Transactional(readOnly = true)
    public List<CatalogAuditEntry> history(String entityType, Object id) {
        return entries.findByEntityTypeAndEntityIdOrderByIdAsc(entityType, String.valueOf(id));
    }

    /** {field: {from, to}} between two views of the same thing, bookkeeping fields left out */
    public Map<String, Object> changes(Object before, Object after) {
        return diff(before == null ? Map.of() : snapshot(before), snapshot(after));
    }

    private void write(String entityType, Object id, String action, Map<String, Object> changes, String actor) {
        entries.save(new CatalogAuditEntry(entityType, String.valueOf(id), action, changes, actor));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> snapshot(Object view) {
        return json.convertValue(view, LinkedHashMap.class);
    }

    static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
        Set<String> fields = new LinkedHashSet<>(after.keySet());
        fields.addAll(before.keySet());
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String f : fields) {
            if (IGNORED.contains(f)) {
                continue;
            }
            Object from = before.get(f);
            Object to = after.get(f);
            if (!same(from, to)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from);
                change.put("to", to);
                changes.put(f, change);
            }
        }
        return changes;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            // 10.00 from a request and 10.0000 from numeric(19,4) are the same amount
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            // sets serialise as lists; order carries no meaning
            return x.size() == y.size() && new LinkedHashSet<>(x).equals(new LinkedHashSet<>(y));
        }
        return Objects.equals(a, b);
    }
}
