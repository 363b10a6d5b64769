package org.lotledger.platform.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Row counts of the application's tables, to tell whether a request changed anything: every table of the public
 * schema but Camunda's ({@code act_*}) and Flyway's, plus the engine's running tasks and executions
 * ({@code act_ru_task}, {@code act_ru_execution}), where a write that starts or completes a process shows. The
 * tables are read from the schema, so a table added later is counted too.
 */
final class TableCounts {

    private final JdbcTemplate jdbc;
    private volatile String countAll;

    TableCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Table name to row count, in one statement (one snapshot). */
    Map<String, Long> now() {
        if (countAll == null) {
            List<String> tables = jdbc.queryForList("""
                    select table_name from information_schema.tables
                     where table_schema = 'public' and table_type = 'BASE TABLE'
                       and ((left(table_name, 4) <> 'act_' and table_name not like 'flyway%')
                            or table_name in ('act_ru_task', 'act_ru_execution'))
                     order by table_name""", String.class);
            countAll = tables.stream()
                    .map(t -> "select '" + t + "', count(*) from \"" + t + "\"")
                    .collect(Collectors.joining(" union all "));
        }
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(countAll, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    /** What changed from {@code before} to {@code after}: table to the change of its row count, unchanged left out. */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((t, n) -> {
            long change = n - before.getOrDefault(t, 0L);
            if (change != 0) {
                d.put(t, change);
            }
        });
        return d;
    }
}
