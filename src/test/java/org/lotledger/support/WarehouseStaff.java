package org.lotledger.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.lotledger.common.WarehouseGroup;
import org.lotledger.platform.security.WarehouseStaffGroups;

/**
 * A user a test makes to work at a test warehouse (a {@code LedgerFixtures} warehouse has no demo staff): member of
 * {@code group} and of {@code group@<warehouse>}, password {@code <id>-demo} like the demo users, so that
 * {@link ApiClient#as} and the contract's calls log in as it.
 */
public final class WarehouseStaff {

    private WarehouseStaff() {}

    /** @return the user's id, {@code <prefix><warehouse code>} in lower case (Camunda user ids are letters and digits) */
    public static String at(
            IdentityService identity, WarehouseStaffGroups groups, String prefix, String group, String warehouseCode) {
        groups.ensureFor(warehouseCode);
        String id = (prefix + warehouseCode).toLowerCase();
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(prefix);
            user.setLastName("Test");
            user.setPassword(id + "-demo");
            identity.saveUser(user);
        }
        for (String g : new String[] {group, WarehouseGroup.id(group, warehouseCode)}) {
            if (identity.createUserQuery().userId(id).memberOfGroup(g).count() == 0) {
                identity.createMembership(id, g);
            }
        }
        return id;
    }
}
