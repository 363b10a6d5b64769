package org.lotledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.yaml.snakeyaml.Yaml;

/** The prod profile loads no demo identities and has no default password (plain unit test, no Spring). */
class ProductionProfileTest {

    private static final String PLACEHOLDER_WITHOUT_DEFAULT = "^\\$\\{[A-Z_]+}$";

    @Test
    void the_prod_profile_turns_the_demo_off_and_takes_every_secret_from_the_environment() throws IOException {
        Map<String, Object> prod = yaml("application-prod.yml");
        assertThat(at(prod, "lotledger.demo.enabled")).isEqualTo(false);
        assertThat((String) at(prod, "camunda.bpm.admin-user.id")).matches(PLACEHOLDER_WITHOUT_DEFAULT);
        assertThat((String) at(prod, "camunda.bpm.admin-user.password")).matches(PLACEHOLDER_WITHOUT_DEFAULT);
        assertThat((String) at(prod, "spring.datasource.password")).matches(PLACEHOLDER_WITHOUT_DEFAULT);
        assertThat(Files.readString(Path.of("src/main/resources/application-prod.yml")))
                .doesNotContain("-demo");
    }

    @Test
    void the_default_configuration_sets_no_admin_password() throws IOException {
        assertThat(at(yaml("application.yml"), "camunda.bpm.admin-user")).isNull();
    }

    @Test
    void demo_identities_exist_only_where_the_demo_is_enabled() {
        ConditionalOnProperty condition = DemoIdentityLoader.class.getAnnotation(ConditionalOnProperty.class);
        assertThat(condition.name()).containsExactly("lotledger.demo.enabled");
        assertThat(condition.havingValue()).isEqualTo("true");
        assertThat(condition.matchIfMissing()).isFalse();
    }

    @Test
    void production_refuses_a_missing_or_weak_first_admin() {
        assertThatThrownBy(() -> ProductionAdminCheck.check("", "")).hasMessageContaining("LOTLEDGER_ADMIN_USER");
        assertThatThrownBy(() -> ProductionAdminCheck.check("admin", null))
                .hasMessageContaining("LOTLEDGER_ADMIN_PASSWORD");
        assertThatThrownBy(() -> ProductionAdminCheck.check("admin", "admin-demo"))
                .hasMessageContaining("too weak");
        assertThatThrownBy(() -> ProductionAdminCheck.check("administrator", "administrator"))
                .hasMessageContaining("too weak");
        ProductionAdminCheck.check("ops-admin", "Correct horse battery staple 9");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String name) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> root, String dotted) {
        Object node = root;
        for (String key : dotted.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }
}
