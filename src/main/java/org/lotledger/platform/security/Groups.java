package org.lotledger.platform.security;

import java.util.List;

/**
 * The groups of Lot Ledger. They live in Camunda's identity service, so a Tasklist candidate group and an API
 * role are the same thing. docs/security.md holds the permission matrix.
 */
public final class Groups {
    public static final String RECEIVING = "receiving";
    public static final String RECEIVING_SUPERVISORS = "receiving-supervisors";
    public static final String QUALITY = "quality";
    public static final String QUALITY_MANAGERS = "quality-managers";
    public static final String WAREHOUSE = "warehouse";
    public static final String INVENTORY_CONTROL = "inventory-control";
    public static final String FINANCE = "finance";
    public static final String OPERATIONS = "operations";
    public static final String ADMIN = "admin";
    /** Machine users (ERP, WMS bridges) allowed on /engine-rest besides admin. */
    public static final String INTEGRATION = "integration";

    public static final List<String> ALL = List.of(RECEIVING, RECEIVING_SUPERVISORS, QUALITY, QUALITY_MANAGERS,
            WAREHOUSE, INVENTORY_CONTROL, FINANCE, OPERATIONS, ADMIN, INTEGRATION);

    private Groups() {
    }
}
