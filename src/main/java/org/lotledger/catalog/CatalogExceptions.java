package org.lotledger.catalog;

import java.util.Map;
import org.lotledger.common.DomainException;

/** The catalog's recurring "no"s, so that codes stay the same everywhere they are raised. */
public final class CatalogExceptions {

    private CatalogExceptions() {}

    public static DomainException notFound(String entity, Object id) {
        return DomainException.notFound(
                "UNKNOWN_" + entity,
                entity.toLowerCase().replace('_', ' ') + " " + id + " does not exist",
                Map.of("id", String.valueOf(id)));
    }

    public static DomainException duplicate(String code, String what, Object value) {
        return DomainException.conflict(
                code, what + " '" + value + "' already exists", Map.of("value", String.valueOf(value)));
    }

    public static DomainException invalid(String code, String message) {
        return DomainException.unprocessable(code, message, Map.of());
    }
}
