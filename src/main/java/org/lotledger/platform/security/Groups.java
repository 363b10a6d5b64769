package org.lotledger.platform.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
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

    private Groups() {}

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
            ensureExists(identity, g, "WORKFLOW");
        }
    }
}
