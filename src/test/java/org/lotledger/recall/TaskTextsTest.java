package org.lotledger.recall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A task text longer than the engine's 4,000-character string variable is cut at a line and says where the rest is. */
class TaskTextsTest {

    @Test
    void a_text_that_fits_is_kept_as_it_is() {
        String text = "| a | b |\n| 1 | 2 |";
        assertThat(TaskTexts.fit(text, "GET /x")).isSameAs(text);
        String exactly = "x".repeat(TaskTexts.MAX);
        assertThat(TaskTexts.fit(exactly, "GET /x")).isSameAs(exactly);
    }

    @Test
    void a_longer_text_is_cut_at_a_line_and_names_where_the_whole_is() {
        String text = IntStream.range(0, 200)
                .mapToObj(i -> "| CUST-" + i + " | LL-" + i + " | 150 | 0 | 0 | 150 | no |")
                .collect(Collectors.joining("\n"));
        assertThat(text.length()).isGreaterThan(TaskTexts.MAX);

        String fitted = TaskTexts.fit(text, "GET /api/recalls/7/reconciliation");

        assertThat(fitted.length()).isLessThanOrEqualTo(TaskTexts.MAX);
        assertThat(fitted).endsWith("the whole of it: GET /api/recalls/7/reconciliation");
        String kept = fitted.substring(0, fitted.indexOf("\n\n… "));
        assertThat(text).startsWith(kept + "\n");
        long keptLines = kept.lines().count();
        assertThat(fitted).contains("… " + (200 - keptLines) + " more lines cut to fit the task");
    }
}
