package org.lotledger.platform.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.lotledger.common.WarehouseGroup;
import org.springframework.modulith.NamedInterface;

/**
 * The groups of Lot Ledger. They live in Camunda's identity service, so a Tasklist candidate group and an API
 * role are the same thing. docs/security.md holds the permission matrix.
 */
@NamedInterface("security")
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

    public static final List<String> ALL = List.of(
            RECEIVING,
            RECEIVING_SUPERVISORS,
            QUALITY,
            QUALITY_MANAGERS,
            WAREHOUSE,
            INVENTORY_CONTROL,
            FINANCE,
            OPERATIONS,
            ADMIN,
            INTEGRATION);

    /**
     * The groups whose members work at a warehouse, each with a group per warehouse ({@link #atWarehouse}): the staff
     * on a warehouse's floor. The others (quality, operations, finance, admin, integration) act for the company.
     */
    public static final List<String> AT_WAREHOUSE =
            List.of(RECEIVING, RECEIVING_SUPERVISORS, WAREHOUSE, INVENTORY_CONTROL);

    /** Camunda's type of the groups people are offered tasks through (the type of every Lot Ledger group). */
    public static final String WORKFLOW = "WORKFLOW";

    private Groups() {}

    /**
     * The group of the members of {@code group} who work at warehouse {@code warehouseCode}: {@code warehouse@EAST}
     * for {@code atWarehouse(WAREHOUSE, "EAST")}. A task of that warehouse names it as its candidate group, and
     * {@link org.lotledger.common.Actor#worksAt} reads it.
     *
     * @throws IllegalArgumentException if {@code group} has no groups per warehouse ({@link #AT_WAREHOUSE}) or the
     *     code is no warehouse code
     */
    public static String atWarehouse(String group, String warehouseCode) {
        if (!AT_WAREHOUSE.contains(group)) {
            throw new IllegalArgumentException(group + " has no groups per warehouse; those that do: " + AT_WAREHOUSE);
        }
        return WarehouseGroup.id(group, warehouseCode);
    }

    /** Every group per warehouse of {@code warehouseCode}, one for each of {@link #AT_WAREHOUSE}. */
    public static List<String> allAtWarehouse(String warehouseCode) {
        return AT_WAREHOUSE.stream().map(g -> atWarehouse(g, warehouseCode)).toList();
    }

    /** Creates the group in Camunda's identity service if it is missing; the one place groups are created. */
    public static void ensureExists(IdentityService identity, String groupId, String type) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupId);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    /** Creates every Lot Ledger group that is missing. */
    public static void ensureAllExist(IdentityService identity) {
        for (String g : ALL) {
            ensureExists(identity, g, WORKFLOW);
        }
    }
}
