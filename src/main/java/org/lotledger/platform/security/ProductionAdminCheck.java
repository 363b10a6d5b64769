package org.lotledger.platform.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLowerCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicySpecialCharacterRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUpperCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production there is no default password: the first admin comes from LOTLEDGER_ADMIN_USER and
 * LOTLEDGER_ADMIN_PASSWORD (camunda.bpm.admin-user in application-prod.yml). An unset variable already stops the
 * start with "Could not resolve placeholder"; this also refuses empty values and a demo-style password, with a
 * message that says what to set.
 *
 * <p>Profile prod turns on Camunda's password policy (application-prod.yml), and the Camunda starter creates the
 * admin through the identity service, which would then stop the start with only "Password does not match policy".
 * So the password is checked here against the same rules (Camunda's {@link DefaultPasswordPolicyImpl}), and the
 * message names each rule it misses. Being a process engine plugin makes the engine configuration depend on this
 * bean, so the check runs before the engine is built and the admin created.
 */
@Component
@Profile("prod")
public class ProductionAdminCheck extends AbstractProcessEnginePlugin implements InitializingBean {

    /** What each rule of Camunda's default policy asks for, in words an operator acts on. */
    private static final Map<String, String> RULES = Map.of(
            PasswordPolicyLengthRuleImpl.PLACEHOLDER,
                    "at least " + DefaultPasswordPolicyImpl.MIN_LENGTH + " characters",
            PasswordPolicyLowerCaseRuleImpl.PLACEHOLDER, "a lower-case letter",
            PasswordPolicyUpperCaseRuleImpl.PLACEHOLDER, "an upper-case letter",
            PasswordPolicyDigitRuleImpl.PLACEHOLDER, "a digit",
            PasswordPolicySpecialCharacterRuleImpl.PLACEHOLDER, "a special character such as - ! # or a space",
            PasswordPolicyUserDataRuleImpl.PLACEHOLDER, "not the user's id or name");

    private final String adminUser;
    private final String adminPassword;

    public ProductionAdminCheck(
            @Value("${camunda.bpm.admin-user.id:}") String adminUser,
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
        UserEntity admin = new UserEntity(user);
        List<String> missing = new DefaultPasswordPolicyImpl()
                .getRules().stream()
                        .filter(rule -> !rule.execute(password, admin))
                        .map(ProductionAdminCheck::describe)
                        .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "Profile prod: LOTLEDGER_ADMIN_PASSWORD does not satisfy Camunda's password "
                            + "policy, which prod turns on; it needs " + String.join(", ", missing) + ".");
        }
    }

    private static String describe(PasswordPolicyRule rule) {
        return RULES.getOrDefault(rule.getPlaceholder(), rule.getPlaceholder() + " " + rule.getParameters());
    }
}
