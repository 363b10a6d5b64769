package org.lotledger.platform.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.Ledger;
import org.lotledger.ledger.LedgerFixtures;
import org.lotledger.ledger.StockStatus;
import org.lotledger.platform.security.AuthorizationsSetup;
import org.lotledger.quality.process.HoldProcess;
import org.lotledger.support.ApiClient;
import org.lotledger.support.HttpReply;
import org.lotledger.support.TasklistSession;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A business refusal inside the engine (a listener's or delegate's {@link DomainException}: the four-eyes rule, a
 * bad form) is an answer to the user, not an error of the system: nothing about it is logged at ERROR. A technical
 * failure in an engine command still is (ENGINE-16004 with its stack trace). Every log event of the application is
 * captured while each happens.
 */
@IntegrationTest
class EngineRefusalLoggingTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    IdentityService identity;

    final ListAppender<ILoggingEvent> events = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        events.start();
        root.addAppender(events);
        if (identity.createUserQuery().userId("mark").count() == 0) {
            User mark = identity.newUser("mark");
            mark.setFirstName("Mark");
            mark.setLastName("Second");
            mark.setPassword("mark-demo");
            identity.saveUser(mark);
            identity.createMembership("mark", "quality");
            identity.createMembership("mark", "quality-managers");
        }
    }

    @AfterEach
    void release() {
        root.detachAppender(events);
        events.stop();
    }

    @Test
    void a_four_eyes_refusal_in_tasklist_logs_no_error() {
        LedgerFixtures east = new LedgerFixtures(jdbc, "CHILLED");
        long lot = east.newLot();
        east.stock(ledger, lot, "A1", StockStatus.AVAILABLE, 8);
        ApiClient maria = ApiClient.as(port, json, "maria");
        long holdId = maria.postPosting(
                        "/api/holds", body("scope", "LOT", "lotId", lot, "reason", "REGULATORY_OR_RECALL"))
                .id();
        assertThat(maria.postPosting("/api/holds/" + holdId + "/release", body("note", "clear"))
                        .status())
                .isEqualTo(202);
        TasklistSession mariaTl = TasklistSession.loginAsDemo(port, json, "maria");
        String approvalId = approvalTask(TasklistSession.loginAsDemo(port, json, "mark"), holdId);
        assertThat(mariaTl.claim(approvalId).status()).isEqualTo(204);
        events.list.clear();

        HttpReply own = mariaTl.submitForm(approvalId, Map.of("approval", "APPROVE"));
        HttpReply viaApi = maria.postPosting("/api/holds/" + holdId + "/approval", body("approve", true));

        assertThat(own.status()).as(own.text()).isEqualTo(403);
        assertThat(own.body().get("code").asText()).isEqualTo("SAME_APPROVER");
        assertThat(viaApi.code()).isEqualTo("SAME_APPROVER");
        assertThat(errors()).as("ERROR events during the refusals").isEmpty();
    }

    @Test
    void a_refusal_thrown_in_an_engine_command_logs_no_error_and_a_technical_failure_still_does() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        events.list.clear();

        Command<Void> refuses = context -> {
            throw DomainException.unprocessable("TEST_REFUSAL", "refused for the test", Map.of());
        };
        assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(refuses))
                .isInstanceOf(DomainException.class);
        assertThat(errors()).as("ERROR events for a refusal").isEmpty();

        Command<Void> breaks = context -> {
            throw new IllegalStateException("a technical failure for the test");
        };
        assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(breaks))
                .isInstanceOf(IllegalStateException.class);
        assertThat(errors()).as("ERROR events for a technical failure").anySatisfy(e -> {
            assertThat(e.getLoggerName()).isEqualTo("org.camunda.bpm.engine.context");
            assertThat(e.getFormattedMessage()).contains("ENGINE-16004").contains("a technical failure for the test");
            assertThat(e.getThrowableProxy()).isNotNull();
        });
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    private List<ILoggingEvent> errors() {
        return events.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .toList();
    }

    private String approvalTask(TasklistSession session, long holdId) {
        String pi = runtime.createProcessInstanceQuery()
                .processDefinitionKey(HoldProcess.PROCESS_KEY)
                .processInstanceBusinessKey(HoldProcess.businessKey(holdId))
                .singleResult()
                .getId();
        return session.filterTasks(AuthorizationsSetup.GROUP_TASKS_FILTER).stream()
                .filter(t -> pi.equals(t.get("processInstanceId").asText())
                        && t.get("name").asText().startsWith("Approve hold decision · hold " + holdId + " · "))
                .map(t -> t.get("id").asText())
                .findFirst()
                .orElseThrow();
    }
}
