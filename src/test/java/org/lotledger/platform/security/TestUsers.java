package org.lotledger.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users a test makes for itself, e.g. to fail a login without locking a demo user (ENGINE-27001). */
final class TestUsers {

    static void ensure(IdentityService identity, String id, String password, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("Test");
            user.setPassword(password);
            identity.saveUser(user);
        }
        for (String g : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(g).count() == 0) {
                identity.createMembership(id, g);
            }
        }
    }

    private TestUsers() {}
}
