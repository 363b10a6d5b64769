package org.lotledger.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lotledger.IntegrationTest;
import org.lotledger.common.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trace asks PostgreSQL for generic plans in its snapshot (docs/performance.md, "Trace speed, profiled"): the
 * setting is local to the trace's own transaction, and a caller's transaction gets its own setting back, after a
 * trace and after a refused one.
 */
@IntegrationTest
class TracePlanCacheModeTest {

    @Autowired
    Tracing tracing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private String setting() {
        return jdbc.queryForObject("select current_setting('plan_cache_mode')", String.class);
    }

    private TransactionTemplate snapshot() {
        TransactionTemplate tt = new TransactionTemplate(transactions);
        tt.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return tt;
    }

    @Test
    void the_generic_plans_end_with_the_traces_own_transaction() {
        long lot = jdbc.queryForObject("select min(id) from lot", Long.class);
        String before = snapshot().execute(st -> setting());

        assertThat(tracing.trace(RecallScope.ofLot(lot)).lots()).isNotEmpty();

        String after = snapshot().execute(st -> setting());
        assertThat(after).isEqualTo(before).isNotEqualTo("force_generic_plan");
    }

    @Test
    void a_trace_in_a_callers_transaction_puts_the_callers_setting_back() {
        long lot = jdbc.queryForObject("select min(id) from lot", Long.class);
        String after = snapshot().execute(st -> {
            jdbc.queryForObject("select set_config('plan_cache_mode', 'force_custom_plan', true)", String.class);
            assertThat(tracing.trace(RecallScope.ofLot(lot)).lots()).isNotEmpty();
            return setting();
        });
        assertThat(after).isEqualTo("force_custom_plan");

        String afterRefusal = snapshot().execute(st -> {
            jdbc.queryForObject("select set_config('plan_cache_mode', 'force_custom_plan', true)", String.class);
            assertThatThrownBy(() -> tracing.trace(RecallScope.ofLot(Long.MAX_VALUE)))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_LOT"));
            String s = setting();
            st.setRollbackOnly();
            return s;
        });
        assertThat(afterRefusal).isEqualTo("force_custom_plan");
    }
}
