package org.lotledger.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The ledger's tables (posting, posting_leg, stock_balance, lot_ledger_head, stock_reservation and its events) are
 * read, locked and written only in {@code org.lotledger.ledger}: every other package asks the ledger
 * ({@code Ledger.post}, {@code LedgerQueries}, {@code Reservations}, {@code LotLocks}). This reads the main sources; a plain test, no Spring.
 */
class LedgerTablesStayInTheLedgerTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path LEDGER = MAIN.resolve("org/lotledger/ledger");

    @Test
    void no_sql_outside_the_ledger_package_names_a_ledger_table() throws IOException {
        List<String> offences = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(MAIN)) {
            for (Path file :
                    sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (file.startsWith(LEDGER)) {
                    continue;
                }
                files++;
                for (LedgerTablesInSql.Finding f :
                        LedgerTablesInSql.findIn(Files.readString(file, StandardCharsets.UTF_8))) {
                    offences.add(file + ":" + f.line() + " names " + f.table() + " in: " + oneLine(f.sql()));
                }
            }
        }
        assertThat(files).as("main sources read outside the ledger").isGreaterThan(100);
        assertThat(offences)
                .as("SQL outside org.lotledger.ledger naming a ledger table: ask the ledger instead "
                        + "(LedgerQueries, LotLocks)")
                .isEmpty();
    }

    private static String oneLine(String sql) {
        String s = sql.replaceAll("\\s+", " ");
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    /** The detector itself: what it must find and what it must leave alone. */
    @Nested
    class TheDetector {

        @Test
        void finds_ledger_tables_after_from_join_into_update_and_in_from_lists() {
            assertThat(tables("""
                    class A {
                        String a = "select quantity from stock_balance where lot_id = ?";
                        String b = \"""
                                select 1
                                  from lot l
                                  left join posting_leg g on g.lot_id = l.id, posting p
                                \""";
                        String c = "insert into posting (id) values (1)";
                        String d = "update lot_ledger_head set last_seq = 1";
                        String e = "select 1 from lot l, location x, public.posting p";
                        String f = "select exists(select 1 from \\"posting\\" p)";
                        String g = "lock table stock_balance";
                    }
                    """))
                    .containsExactly(
                            "2:stock_balance",
                            "6:posting_leg",
                            "6:posting",
                            "8:posting",
                            "9:lot_ledger_head",
                            "10:posting",
                            "11:posting",
                            "12:stock_balance");
        }

        @Test
        void reads_literals_joined_with_plus_as_one_statement_and_names_the_line_of_the_table() {
            assertThat(tables("""
                    class A {
                        String a = "select rl.id from receipt_line rl join "
                                + "posting p on p.id = rl.posting_id";
                    }
                    """)).containsExactly("3:posting");
            assertThat(tables("""
                    class A {
                        void q() { sql.append(" join stock_balance b on b.lot_id = l.id"); }
                        String s = "select 1 from (select lot_id from lot where x) s, lot_ledger_head h";
                    }
                    """)).containsExactly("2:stock_balance", "3:lot_ledger_head");
        }

        @Test
        void leaves_prose_identifiers_comments_columns_and_other_tables_alone() {
            assertThat(tables("""
                    class A {
                        // select * from posting
                        /* join stock_balance */
                        long posting = rs.getLong("posting_id");
                        String m = "Receipt line 4 was already reversed by posting " + posting;
                        String n = "moved from posting 12 to posting 13";
                        String o = "select posting_id from quality_hold_outcome where hold_id = ?";
                        String p = "select id from receipt_line where posting_id = ?";
                        char q = '"';
                        String r = "select 1 from lot where note = 'from posting'";
                        String s = "insert into posting_request_log (x) values (1)";
                    }
                    """)).isEmpty();
        }

        private List<String> tables(String source) {
            return LedgerTablesInSql.findIn(source).stream()
                    .map(f -> f.line() + ":" + f.table())
                    .toList();
        }
    }
}
