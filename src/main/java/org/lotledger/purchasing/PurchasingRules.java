package org.lotledger.purchasing;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;
import org.lotledger.catalog.CatalogExceptions;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.catalog.item.ItemView;
import org.lotledger.catalog.partner.ApprovalStatus;
import org.lotledger.catalog.partner.SupplierView;
import org.lotledger.common.DomainException;
import org.springframework.dao.DataIntegrityViolationException;

/** The checks purchase orders and ASNs share, with one code for each "no". */
final class PurchasingRules {

    private PurchasingRules() {}

    static SupplierView supplier(CatalogQueries catalog, long supplierId) {
        return catalog.findSupplier(supplierId).orElseThrow(() -> CatalogExceptions.notFound("SUPPLIER", supplierId));
    }

    /** A supplier we may order from: exists, active, not BLOCKED (PROBATION is allowed; receiving inspects more). */
    static SupplierView orderableSupplier(CatalogQueries catalog, long supplierId) {
        SupplierView s = supplier(catalog, supplierId);
        if (!s.active()) {
            throw DomainException.unprocessable(
                    "SUPPLIER_INACTIVE", "Supplier " + s.code() + " is deactivated", Map.of("supplierId", supplierId));
        }
        if (s.approvalStatus() == ApprovalStatus.BLOCKED) {
            throw DomainException.unprocessable(
                    "SUPPLIER_BLOCKED",
                    "Supplier " + s.code() + " is blocked: nothing can be ordered from it",
                    Map.of("supplierId", supplierId, "supplierCode", s.code()));
        }
        return s;
    }

    static ItemView activeItem(CatalogQueries catalog, int line, long itemId) {
        ItemView item =
                catalog.findItem(itemId).orElseThrow(() -> onLine(line, CatalogExceptions.notFound("ITEM", itemId)));
        if (!item.active()) {
            throw DomainException.unprocessable(
                    "ITEM_INACTIVE",
                    "Line " + line + ": item " + item.sku() + " is deactivated",
                    Map.of("line", line, "itemId", itemId));
        }
        return item;
    }

    static String currency(String code) {
        String c = code.trim().toUpperCase();
        try {
            Currency.getInstance(c);
            return c;
        } catch (IllegalArgumentException e) {
            throw DomainException.unprocessable(
                    "INVALID_CURRENCY", "'" + code + "' is not an ISO 4217 currency", Map.of("currency", code));
        }
    }

    /** Runs a check and, when it says no, names the request line it was about. */
    static <T> T onLine(int line, Supplier<T> check) {
        try {
            return check.get();
        } catch (DomainException e) {
            throw onLine(line, e);
        }
    }

    static DomainException onLine(int line, DomainException e) {
        Map<String, Object> details = new LinkedHashMap<>(e.details());
        details.put("line", line);
        return new DomainException(e.code(), e.kind(), "Line " + line + ": " + e.getMessage(), details);
    }

    /** The name of the database constraint a write broke, if the database said which. */
    static String constraintOf(DataIntegrityViolationException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && c.getConstraintName() != null) {
                return c.getConstraintName();
            }
        }
        return "";
    }
}
