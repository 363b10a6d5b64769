package org.lotledger.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds SQL in Java source that names one of the ledger's tables. Only string literals and text blocks are read
 * (comments, identifiers and character literals are skipped); literals joined with {@code +} are read as one
 * string, so a statement split over several literals is still seen. A literal counts as SQL when it has the
 * shape of a statement or a statement fragment (select … from, insert into, update … set, delete from, or a
 * fragment opening with from / join / where …); in it, a table is an identifier in a table position: after
 * {@code from}, {@code join}, {@code into}, {@code update}, {@code table}, {@code using}, and after a comma in a
 * from-list. Words such as "posting" in an error message are not SQL and are not reported.
 */
final class LedgerTablesInSql {

    static final Set<String> LEDGER_TABLES = Set.of(
            "posting",
            "posting_leg",
            "stock_balance",
            "lot_ledger_head",
            "stock_reservation",
            "stock_reservation_event");

    /** One ledger table named in SQL, at a 1-based line of the source. */
    record Finding(int line, String table, String sql) {}

    private static final Pattern LOOKS_LIKE_SQL =
            Pattern.compile("(?is)\\bselect\\b.*\\bfrom\\b|\\binsert\\s+into\\b|\\bupdate\\s+\\S+\\s+(\\S+\\s+)?set\\b"
                    + "|\\bdelete\\s+from\\b|\\btruncate\\b|\\block\\s+table\\b|\\bmerge\\s+into\\b"
                    + "|^\\s*(from|join|left|right|inner|full|cross|where|and|or|with|union)\\b");

    private static final Set<String> TABLE_POSITION =
            Set.of("from", "join", "into", "update", "table", "using", "truncate");

    private LedgerTablesInSql() {}

    static List<Finding> findIn(String javaSource) {
        List<Finding> found = new ArrayList<>();
        for (Literal sql : literals(javaSource)) {
            if (LOOKS_LIKE_SQL.matcher(sql.text()).find()) {
                for (int at : tablesNamed(sql.text())) {
                    String table = identifierAt(sql.text(), at).toLowerCase(Locale.ROOT);
                    found.add(new Finding(sql.lineAt(at), table, sql.text().strip()));
                }
            }
        }
        return found;
    }

    // ---- SQL: identifiers in table positions ------------------------------------------------------------------

    /** Offsets of ledger table names in table positions. */
    private static List<Integer> tablesNamed(String sql) {
        List<Token> tokens = sqlTokens(sql);
        List<Integer> at = new ArrayList<>();
        Deque<String> outer = new ArrayDeque<>();
        String clause = "";
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text().equals("(")) {
                outer.push(clause);
                clause = "";
            } else if (t.text().equals(")")) {
                clause = outer.isEmpty() ? "" : outer.pop();
            } else if (t.text().equals(",") && clause.equals("from")) {
                tableAt(tokens, i + 1, at); // the next item of a from-list
            } else if (t.isWord() && TABLE_POSITION.contains(t.lower())) {
                tableAt(tokens, i + 1, at);
                clause = t.lower().equals("join") ? "from" : t.lower();
            } else if (t.isWord() && CLAUSES.contains(t.lower())) {
                clause = t.lower();
            }
        }
        return at;
    }

    /** The table named at {@code j} (after "only" / "lateral" and a schema), if it is a ledger table. */
    private static void tableAt(List<Token> tokens, int j, List<Integer> at) {
        while (j < tokens.size()
                && tokens.get(j).isWord()
                && Set.of("only", "lateral").contains(tokens.get(j).lower())) {
            j++;
        }
        if (j + 2 < tokens.size()
                && tokens.get(j).isWord()
                && tokens.get(j + 1).text().equals(".")
                && tokens.get(j + 2).isWord()
                && !LEDGER_TABLES.contains(tokens.get(j).lower())) {
            j += 2; // schema.table
        }
        if (j < tokens.size()
                && tokens.get(j).isWord()
                && LEDGER_TABLES.contains(tokens.get(j).lower())) {
            at.add(tokens.get(j).offset());
        }
    }

    /** Clauses that end a from-list ("on" does not: a comma after a join condition goes on with the from-list). */
    private static final Set<String> CLAUSES = Set.of(
            "select",
            "where",
            "group",
            "order",
            "having",
            "limit",
            "offset",
            "set",
            "values",
            "returning",
            "window",
            "union",
            "except",
            "intersect",
            "for",
            "into");

    private record Token(String text, int offset, boolean isWord) {
        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private static List<Token> sqlTokens(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\'') { // an SQL string: not an identifier
                i++;
                while (i < sql.length() && sql.charAt(i) != '\'') {
                    i++;
                }
                i++;
            } else if (c == '"') { // a quoted identifier
                int end = sql.indexOf('"', i + 1);
                end = end < 0 ? sql.length() : end;
                out.add(new Token(sql.substring(i + 1, end), i + 1, true));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < sql.length()
                        && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                out.add(new Token(sql.substring(start, i), start, true));
            } else {
                out.add(new Token(String.valueOf(c), i, false));
                i++;
            }
        }
        return out;
    }

    private static String identifierAt(String sql, int at) {
        int end = at;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        return sql.substring(at, end);
    }

    // ---- Java: string literals and text blocks ---------------------------------------------------------------

    /** A string as the program sees it, with the source line of each of its characters. */
    private record Literal(String text, int[] lines) {
        int lineAt(int offset) {
            return lines.length == 0 ? 0 : lines[Math.min(offset, lines.length - 1)];
        }
    }

    /** The string literals of a Java source; literals joined by {@code +} come as one. */
    static List<Literal> literals(String src) {
        List<Literal> out = new ArrayList<>();
        StringBuilder text = null;
        List<Integer> lines = null;
        boolean afterLiteral = false;
        boolean afterPlus = false;
        int line = 1;
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (src.startsWith("//", i)) {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? src.length() : end + 2;
                line += count(src, i, end);
                i = end;
            } else if (c == '"') {
                if (text == null || !afterPlus) {
                    flush(out, text, lines);
                    text = new StringBuilder();
                    lines = new ArrayList<>();
                }
                if (src.startsWith("\"\"\"", i)) {
                    int end = src.indexOf("\"\"\"", i + 3);
                    while (end > 0 && src.charAt(end - 1) == '\\') {
                        end = src.indexOf("\"\"\"", end + 1);
                    }
                    end = end < 0 ? src.length() : end;
                    for (int k = i + 3; k < end; k++) {
                        text.append(src.charAt(k));
                        lines.add(line);
                        if (src.charAt(k) == '\n') {
                            line++;
                        }
                    }
                    i = Math.min(src.length(), end + 3);
                } else {
                    i++;
                    while (i < src.length() && src.charAt(i) != '"' && src.charAt(i) != '\n') {
                        if (src.charAt(i) == '\\' && i + 1 < src.length()) {
                            text.append(unescape(src.charAt(i + 1)));
                            i += 2;
                        } else {
                            text.append(src.charAt(i));
                            i++;
                        }
                        lines.add(line);
                    }
                    i++;
                }
                afterLiteral = true;
                afterPlus = false;
            } else if (c == '+' && afterLiteral) {
                afterLiteral = false;
                afterPlus = true;
                i++;
            } else {
                if (c == '\'') { // a character literal ('"' is not a string)
                    i++;
                    while (i < src.length() && src.charAt(i) != '\'') {
                        i += src.charAt(i) == '\\' ? 2 : 1;
                    }
                }
                flush(out, text, lines);
                text = null;
                afterLiteral = false;
                afterPlus = false;
                i++;
            }
        }
        flush(out, text, lines);
        return out;
    }

    private static void flush(List<Literal> out, StringBuilder text, List<Integer> lines) {
        if (text != null) {
            out.add(new Literal(
                    text.toString(), lines.stream().mapToInt(Integer::intValue).toArray()));
        }
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 's' -> ' ';
            default -> c;
        };
    }

    private static int count(String s, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }
}
