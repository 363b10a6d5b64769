package org.lotledger.platform.security;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production there is no default password: the first admin comes from LOTLEDGER_ADMIN_USER and
 * LOTLEDGER_ADMIN_PASSWORD (camunda.bpm.admin-user in application-prod.yml). An unset variable already stops the
 * start with "Could not resolve placeholder"; this also refuses empty values and a demo-style password, with a
 * message that says what to set.
 */
@Component
@Profile("prod")
public class ProductionAdminCheck implements InitializingBean {

    private final String adminUser;
    private final String adminPassword;

    public ProductionAdminCheck(@Value("${camunda.bpm.admin-user.id:}") String adminUser,
                                @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @Override
    public void afterPropertiesSet() {
        check(adminUser, adminPassword);
    }

    static void check(String user, String password) {
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            throw new IllegalStateException("Profile prod needs the first admin: set LOTLEDGER_ADMIN_USER and "
                    + "LOTLEDGER_ADMIN_PASSWORD (there is no default user or password in production).");
        }
        if (password.length() < 12 || password.equals(user + "-demo") || password.equalsIgnoreCase(user)) {
            throw new IllegalStateException("Profile prod: LOTLEDGER_ADMIN_PASSWORD is too weak (at least 12 "
                    + "characters, not the user name, not a demo password).");
        }
    }
}
