package org.lotledger.platform.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The Camunda groups of a warehouse's staff ({@code receiving@EAST}, {@code warehouse@EAST}, ... one per group of
 * {@link Groups#AT_WAREHOUSE}), with the Tasklist rights of their base group. The catalog calls it when a warehouse
 * is created (in the same transaction: a refused warehouse leaves no groups) and at start for the warehouses that
 * exist; who is a member is kept in Camunda Admin (docs/security.md, "Warehouse memberships"). Idempotent.
 */
@Component
@NamedInterface("security")
public class WarehouseStaffGroups {

    private static final Logger log = LoggerFactory.getLogger(WarehouseStaffGroups.class);

    private final IdentityService identity;
    private final AuthorizationsSetup authorizations;

    public WarehouseStaffGroups(IdentityService identity, AuthorizationsSetup authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    /** Creates whatever is missing of the warehouse's groups and their rights; returns the groups' ids. */
    public List<String> ensureFor(String warehouseCode) {
        List<String> groups = Groups.allAtWarehouse(warehouseCode);
        for (String group : groups) {
            Groups.ensureExists(identity, group, Groups.WORKFLOW);
            authorizations.grantTasklist(group);
        }
        log.debug("Staff groups of warehouse {} ready: {}", warehouseCode, groups);
        return groups;
    }
}
