package org.lotledger.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The evidence of decisions taken in processes (who decided what, on which task, why), kept in the application's
 * own append-only table {@code decision_record}: Camunda's history is cleaned up after its time to live, this is not.
 * Written in the caller's transaction (a task completion's, or an API request's), so a decision and its evidence
 * commit or roll back together. Not Camunda wiring: plain JDBC, used by the features that decide and by the Camunda
 * seam alike (package {@code evidence}).
 */
@Component
public class DecisionRecords {

    public record DecisionRecord(
            long id,
            String processInstanceId,
            String activityId,
            String taskId,
            String subjectType,
            String subjectId,
            String decision,
            String decidedBy) {}

    /** A decision about one subject, with when it was taken and its details as recorded (JSON). */
    public record SubjectDecision(
            long id,
            String processInstanceId,
            String activityId,
            String taskId,
            String decision,
            String details,
            String decidedBy,
            java.time.Instant decidedAt) {}

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public DecisionRecords(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long record(
            String processInstanceId,
            String activityId,
            String taskId,
            String subjectType,
            String subjectId,
            String decision,
            Map<String, ?> details,
            String decidedBy) {
        try {
            return jdbc.queryForObject(
                    """
                    insert into decision_record (process_instance_id, activity_id, task_id, subject_type, subject_id,
                                                 decision, details, decided_by)
                    values (?, ?, ?, ?, ?, ?, ?::jsonb, ?) returning id""",
                    Long.class,
                    processInstanceId,
                    activityId,
                    taskId,
                    subjectType,
                    subjectId,
                    decision,
                    json.writeValueAsString(details),
                    decidedBy);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("decision details are not serializable", e);
        }
    }

    /** The latest decision taken at a task of a process instance (e.g. the approval a posting acts on). */
    public Optional<DecisionRecord> latest(String processInstanceId, String activityId) {
        List<DecisionRecord> found = jdbc.query(
                """
                select id, process_instance_id, activity_id, task_id, subject_type, subject_id, decision, decided_by
                  from decision_record where process_instance_id = ? and activity_id = ? order by id desc limit 1""",
                (rs, i) -> new DecisionRecord(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)),
                processInstanceId,
                activityId);
        return found.stream().findFirst();
    }

    /** Every decision about a subject (e.g. QUALITY_HOLD 42), oldest first: the evidence a later check reads. */
    public List<SubjectDecision> forSubject(String subjectType, String subjectId) {
        return jdbc.query(
                """
                select id, process_instance_id, activity_id, task_id, decision, details::text, decided_by, decided_at
                  from decision_record where subject_type = ? and subject_id = ? order by id""",
                (rs, i) -> new SubjectDecision(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()),
                subjectType,
                subjectId);
    }
    /** Every decision about each of these subjects of one type, by subject id, oldest first; one query. */
    public Map<String, List<SubjectDecision>> forSubjects(String subjectType, Collection<String> subjectIds) {
        Map<String, List<SubjectDecision>> out = new java.util.LinkedHashMap<>();
        if (subjectIds.isEmpty()) {
            return out;
        }
        jdbc.query(
                """
                select id, process_instance_id, activity_id, task_id, decision, details::text, decided_by, decided_at,
                       subject_id
                  from decision_record where subject_type = ? and subject_id = any(?) order by subject_id, id""",
                rs -> {
                    out.computeIfAbsent(rs.getString(9), k -> new java.util.ArrayList<>())
                            .add(new SubjectDecision(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getTimestamp(8).toInstant()));
                },
                subjectType,
                subjectIds.toArray(String[]::new));
        return out;
    }
}
