package org.lotledger.catalog;

import org.springframework.data.jpa.domain.Specification;

/** Small filter building blocks for the list endpoints: a null filter value means "no filter". */
public final class CatalogSpecs {

    private CatalogSpecs() {}

    public static <T> Specification<T> all() {
        return (root, query, cb) -> cb.conjunction();
    }

    public static <T> Specification<T> eq(String attribute, Object value) {
        return value == null ? all() : (root, query, cb) -> cb.equal(root.get(attribute), value);
    }

    public static <T> Specification<T> eqIgnoreCase(String attribute, String value) {
        return value == null || value.isBlank()
                ? all()
                : (root, query, cb) ->
                        cb.equal(cb.upper(root.get(attribute)), value.trim().toUpperCase());
    }
}
