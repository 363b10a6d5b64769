package org.lotledger.recall;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotledger.common.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code mock_recall_run} table (V101): append-only, one row per mock recall. The lots, hold plan and notice list
 * are kept as JSON (what the run answered), written and read with a mapper of this class's own, so the stored form
 * does not follow the API's settings.
 */
@Repository
class MockRecallRuns {

    /** The request key and fingerprint of a stored run. */
    record Key(long id, String fingerprint) {}

    /** What a rehearsal found, to store. */
    record NewRun(
            StartingRecall.Request request,
            String note,
            String scopeLabel,
            String requestKey,
            String fingerprint,
            String startedBy,
            Instant readAt,
            MockRecallRun.Timings timings,
            MockRecallRun.Counts counts,
            boolean balanced,
            List<MockRecallRun.ScopeLot> lots,
            List<MockRecallRun.LotPlan> holdPlan,
            List<RecallNotices.Notice> notices) {}

    /**
     * Writes and reads the run's jsonb. Runs are kept for ever (append-only) while the records they are read into
     * evolve: a property a later version no longer has is ignored on read, not a 500 for every older run.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static final String COLUMNS = """
            id, number, scope_lot_id, scope_batch_ref, scope_item_id, scope_dates, scope_from, scope_to, scope_label,
            reason, recall_class, note, started_by, started_at, read_at, scope_ms, trace_ms, holds_ms, notices_ms,
            total_ms, lots, lots_matched, events, balances_to_hold, quantity_to_hold, reservations_voided, in_transit,
            in_transit_quantity, customers, notices, balanced""";

    private final JdbcTemplate jdbc;

    MockRecallRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewRun run) {
        RecallScope scope = run.request().scope();
        RecallScope.Stored stored = scope.stored();
        long n = jdbc.queryForObject("select nextval('mock_recall_run_number_seq')", Long.class);
        MockRecallRun.Timings t = run.timings();
        MockRecallRun.Counts c = run.counts();
        return jdbc.queryForObject(
                """
                insert into mock_recall_run (number, scope_lot_id, scope_batch_ref, scope_item_id, scope_dates,
                       scope_from, scope_to, scope_label, reason, recall_class, note, request_key, request_fingerprint,
                       started_by, read_at, scope_ms, trace_ms, holds_ms, notices_ms, total_ms, lots, lots_matched,
                       events, balances_to_hold, quantity_to_hold, reservations_voided, in_transit, in_transit_quantity,
                       customers, notices, balanced, lots_in_scope, hold_plan, notice_list)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        ?::jsonb, ?::jsonb, ?::jsonb)
                returning id""",
                Long.class,
                "MR-" + n,
                stored.lotId(),
                stored.batchRef(),
                stored.itemId(),
                stored.dates(),
                stored.from(),
                stored.to(),
                run.scopeLabel(),
                run.request().reason().strip(),
                run.request().recallClass().name(),
                run.note(),
                run.requestKey(),
                run.fingerprint(),
                run.startedBy(),
                java.sql.Timestamp.from(run.readAt()),
                t.scope(),
                t.trace(),
                t.holds(),
                t.notices(),
                t.total(),
                c.lots(),
                c.lotsMatched(),
                c.events(),
                c.balancesToHold(),
                c.quantityToHold(),
                c.reservationsVoided(),
                c.inTransit(),
                c.inTransitQuantity(),
                c.customers(),
                c.notices(),
                run.balanced(),
                write(run.lots()),
                write(run.holdPlan()),
                write(run.notices()));
    }

    Optional<Key> byKey(String requestKey) {
        return jdbc
                .query(
                        "select id, request_fingerprint from mock_recall_run where request_key = ?",
                        (rs, i) -> new Key(rs.getLong(1), rs.getString(2)),
                        requestKey)
                .stream()
                .findFirst();
    }

    MockRecallRun get(long id) {
        return jdbc
                .query(
                        "select " + COLUMNS
                                + ", lots_in_scope, hold_plan, notice_list from mock_recall_run where id = ?",
                        (rs, i) -> {
                            MockRecallRun.Summary s = summary(rs, i);
                            return new MockRecallRun(
                                    s.id(),
                                    s.number(),
                                    s.mode(),
                                    s.scope(),
                                    s.scopeLabel(),
                                    s.reason(),
                                    s.recallClass(),
                                    rs.getString("note"),
                                    s.startedBy(),
                                    s.startedAt(),
                                    rs.getTimestamp("read_at").toInstant(),
                                    s.timings(),
                                    s.counts(),
                                    s.balanced(),
                                    read(rs.getString("lots_in_scope"), new TypeReference<>() {}),
                                    read(rs.getString("hold_plan"), new TypeReference<>() {}),
                                    read(rs.getString("notice_list"), new TypeReference<>() {}));
                        },
                        id)
                .stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(
                        "UNKNOWN_MOCK_RECALL", "Mock recall " + id + " does not exist.", Map.of("mockRecallId", id)));
    }

    /** Newest first. */
    List<MockRecallRun.Summary> list(int limit, int offset) {
        return jdbc.query(
                "select " + COLUMNS + " from mock_recall_run order by id desc limit ? offset ?",
                this::summary,
                limit,
                offset);
    }

    private MockRecallRun.Summary summary(ResultSet rs, int i) throws SQLException {
        String dates = rs.getString("scope_dates");
        LocalDate from = rs.getObject("scope_from", LocalDate.class);
        LocalDate to = rs.getObject("scope_to", LocalDate.class);
        RecallScope scope = new RecallScope(
                (Long) rs.getObject("scope_lot_id"),
                rs.getString("scope_batch_ref"),
                (Long) rs.getObject("scope_item_id"),
                "MANUFACTURED".equals(dates) ? from : null,
                "MANUFACTURED".equals(dates) ? to : null,
                "RECEIVED".equals(dates) ? from : null,
                "RECEIVED".equals(dates) ? to : null);
        return new MockRecallRun.Summary(
                rs.getLong("id"),
                rs.getString("number"),
                MockRecallRun.MODE,
                scope,
                rs.getString("scope_label"),
                rs.getString("reason"),
                RecallClass.valueOf(rs.getString("recall_class")),
                rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(),
                new MockRecallRun.Timings(
                        rs.getBigDecimal("scope_ms"),
                        rs.getBigDecimal("trace_ms"),
                        rs.getBigDecimal("holds_ms"),
                        rs.getBigDecimal("notices_ms"),
                        rs.getBigDecimal("total_ms")),
                new MockRecallRun.Counts(
                        rs.getInt("lots"),
                        rs.getInt("lots_matched"),
                        rs.getInt("events"),
                        rs.getInt("balances_to_hold"),
                        rs.getLong("quantity_to_hold"),
                        rs.getInt("reservations_voided"),
                        rs.getInt("in_transit"),
                        rs.getLong("in_transit_quantity"),
                        rs.getInt("customers"),
                        rs.getInt("notices")),
                rs.getBoolean("balanced"));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mock recall run not writable as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mock recall run not readable from JSON", e);
        }
    }
}
