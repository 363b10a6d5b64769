package org.lotledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.property.GenericProperties;
import org.camunda.bpm.spring.boot.starter.util.SpringBootStarterPropertyHelper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The prod profile turns on Camunda's password policy: the engine's generic properties of application.yml with
 * application-prod.yml over them are applied to an engine configuration the way the Camunda starter applies them
 * ({@link SpringBootStarterPropertyHelper}), and that engine (H2, engine only, no Spring context) then refuses a
 * weak password through the identity service. The demo keeps it off: its users' passwords are {@code <id>-demo}.
 */
class ProductionPasswordPolicyTest {

    @Test
    void an_engine_configured_as_in_prod_refuses_a_weak_password_and_takes_a_strong_one() throws IOException {
        ProcessEngineConfigurationImpl configuration = engineConfiguration(
                "password-policy-prod", genericProperties("application.yml", "application-prod.yml"));
        assertThat(configuration.isEnablePasswordPolicy()).isTrue();

        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            IdentityService identity = engine.getIdentityService();
            User weak = identity.newUser("opsadmin");
            weak.setPassword("opsadmin-2025");
            assertThatThrownBy(() -> identity.saveUser(weak))
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("Password does not match policy");
            assertThat(identity.createUserQuery().userId("opsadmin").count()).isZero();

            User strong = identity.newUser("opsadmin");
            strong.setPassword("Lot-Ledger-Prod-2025!");
            identity.saveUser(strong);
            assertThat(identity.checkPassword("opsadmin", "Lot-Ledger-Prod-2025!"))
                    .isTrue();
        } finally {
            engine.close();
        }
    }

    @Test
    void the_demo_configuration_leaves_the_policy_off_for_its_demo_passwords() throws IOException {
        ProcessEngineConfigurationImpl configuration =
                engineConfiguration("password-policy-demo", genericProperties("application.yml"));
        assertThat(configuration.isEnablePasswordPolicy()).isFalse();
    }

    @Test
    void the_first_admins_password_is_checked_against_the_same_policy_with_a_message_that_says_what_is_missing() {
        assertThatThrownBy(() -> ProductionAdminCheck.check("ops-admin", "correct horse battery staple"))
                .hasMessageContaining("Camunda's password policy")
                .hasMessageContaining("an upper-case letter")
                .hasMessageContaining("a digit")
                .hasMessageNotContaining("lower-case");
        assertThatThrownBy(() -> ProductionAdminCheck.check("ops-admin", "Ops-Admin-Password-1"))
                .hasMessageContaining("not the user's id or name");
        ProductionAdminCheck.check("ops-admin", "Lot-Ledger-Prod-2025!");
    }

    /** {@code camunda.bpm.generic-properties} as Spring Boot binds it from the files, the last one winning. */
    private static GenericProperties genericProperties(String... files) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        for (String file : files) {
            for (PropertySource<?> source : loader.load(file, new ClassPathResource(file))) {
                sources.addFirst(source);
            }
        }
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("camunda.bpm.generic-properties", GenericProperties.class)
                .orElseGet(GenericProperties::new);
    }

    private static ProcessEngineConfigurationImpl engineConfiguration(String name, GenericProperties generic) {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate("create-drop");
        configuration.setJobExecutorActivate(false);
        SpringBootStarterPropertyHelper.applyProperties(
                configuration, generic.getProperties(), generic.isIgnoreUnknownFields());
        return configuration;
    }
}
