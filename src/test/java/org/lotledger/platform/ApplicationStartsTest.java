package org.lotledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ApplicationStartsTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_app_runs_on_postgresql_with_flyway_and_camunda_in_one_schema() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 15");
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from act_ge_property", Integer.class))
                .isPositive();
        assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled())
                .isTrue();
    }
}
