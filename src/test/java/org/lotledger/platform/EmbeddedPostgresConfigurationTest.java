package org.lotledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded server exists only when no datasource URL is configured (ADR 0002). */
class EmbeddedPostgresConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EmbeddedPostgresConfiguration.class)
            .withPropertyValues(
                    "lotledger.embedded-postgres.data-directory=",
                    "lotledger.embedded-postgres.port=0",
                    "lotledger.embedded-postgres.synchronous-commit=false");

    @Test
    void with_a_datasource_url_no_embedded_server_is_started() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/lotledger")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(EmbeddedPostgres.class);
                    assertThat(context).doesNotHaveBean(DataSource.class);
                });
    }

    @Test
    void without_one_a_real_postgresql_15_is_started_and_the_datasource_points_at_it() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(EmbeddedPostgres.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("show server_version", String.class)).startsWith("15.");
        });
    }
}
