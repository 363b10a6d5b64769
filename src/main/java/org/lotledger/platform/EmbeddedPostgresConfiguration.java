package org.lotledger.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The zero-setup default (ADR 0002): when no {@code spring.datasource.url} is configured, start a real
 * PostgreSQL 15 from Maven-delivered binaries and point the one application DataSource at it.
 * With a URL configured (production, docker-compose) none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedPostgresConfiguration.EmbeddedPostgresProperties.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties props) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", props.synchronousCommit() ? "on" : "off")
                .setServerConfig("fsync", props.synchronousCommit() ? "on" : "off")
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                // Spring stops the server (destroyMethod) after the beans that use it; zonky's own JVM shutdown hook
                // stopped it while the context was still closing, and the test JVM then hung for 30 s at exit
                .setRegisterShutdownHook(false);
        Path work = Path.of(props.workDirectory()).toAbsolutePath();
        Files.createDirectories(work);
        builder.setOverrideWorkingDirectory(work.toFile());
        if (props.dataDirectory() != null && !props.dataDirectory().isBlank()) {
            Path data = Path.of(props.dataDirectory()).toAbsolutePath();
            Files.createDirectories(data.getParent());
            builder.setDataDirectory(data).setCleanDataDirectory(false);
        }
        if (props.port() > 0) {
            builder.setPort(props.port());
        }
        EmbeddedPostgres pg = builder.start();
        log.info(
                "Embedded PostgreSQL 15 listening on port {} (data: {}, synchronous_commit={})",
                pg.getPort(),
                props.dataDirectory() == null || props.dataDirectory().isBlank() ? "temporary" : props.dataDirectory(),
                props.synchronousCommit() ? "on" : "off");
        return pg;
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres pg) {
        // built directly: DataSourceProperties would insist on a URL (or an embedded driver such as H2) being set
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setPassword("");
        ds.setDriverClassName("org.postgresql.Driver");
        ds.setPoolName("lotledger-embedded");
        ds.setMaximumPoolSize(20);
        return ds;
    }

    /**
     * @param dataDirectory  where the cluster lives; empty means a fresh temporary cluster (tests)
     * @param workDirectory  where zonky unpacks the binaries (kept inside the project, not the system temp)
     * @param port           fixed port, or 0 for a free one
     * @param synchronousCommit durable commits; on by default, tests may switch it off
     */
    @ConfigurationProperties("lotledger.embedded-postgres")
    public record EmbeddedPostgresProperties(
            String dataDirectory,
            @DefaultValue("data/embedded-pg-binaries") String workDirectory,
            @DefaultValue("0") int port,
            @DefaultValue("true") boolean synchronousCommit) {
        public EmbeddedPostgresProperties {
            if (workDirectory == null || workDirectory.isBlank()) {
                workDirectory = "data/embedded-pg-binaries";
            }
        }
    }
}
