package org.lotledger.platform.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Camunda Form under bpmn/forms is used by a user task (formRef with binding), and every variable it shows or
 * submits (field keys, {{templates}} in text) is one the process documents in its page under docs/processes — the
 * page that says who sets and who reads it. A form field nobody reads, or a text showing a variable nobody sets,
 * fails here instead of in Tasklist.
 */
class FormsMatchProcessesTest {

    static final Path BPMN = Path.of("bpmn");
    static final Path FORMS = BPMN.resolve("forms");
    static final Path PROCESS_DOCS = Path.of("docs", "processes");
    static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
    static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    @TestFactory
    Stream<DynamicTest> every_form_is_used_by_a_process_and_shows_only_documented_variables() throws IOException {
        List<Path> forms;
        try (Stream<Path> s = Files.list(FORMS)) {
            forms = s.filter(p -> p.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(forms).as("forms under bpmn/forms").isNotEmpty();
        return forms.stream()
                .map(form -> DynamicTest.dynamicTest(form.getFileName().toString(), () -> check(form)));
    }

    private void check(Path form) throws IOException {
        JsonNode json = new ObjectMapper().readTree(form.toFile());
        String formId = json.path("id").asText();
        assertThat(json.path("schemaVersion").asInt())
                .as("schema version Tasklist 7.24's form-js renders")
                .isBetween(1, 16);

        Path process = processUsing(formId);
        assertThat(process)
                .as("a BPMN user task with camunda:formRef=\"%s\"", formId)
                .isNotNull();
        String bpmn = Files.readString(process);
        assertThat(bpmn).as("formRef needs its binding").contains("camunda:formRefBinding=");

        Set<String> used = new TreeSet<>();
        collect(json.path("components"), used);
        Path doc = PROCESS_DOCS.resolve(process.getFileName().toString().replace(".bpmn", ".md"));
        assertThat(doc).as("the process page for %s", process).exists();
        Set<String> documented = documentedVariables(Files.readString(doc));
        assertThat(documented).as("variables documented in %s", doc).containsAll(used);
    }

    private static Path processUsing(String formId) throws IOException {
        try (Stream<Path> s = Files.list(BPMN)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher m = FORM_REF.matcher(Files.readString(p));
                while (m.find()) {
                    if (m.group(1).equals(formId)) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    private static void collect(JsonNode components, Set<String> used) {
        for (JsonNode c : components) {
            if (c.hasNonNull("key")) {
                used.add(c.get("key").asText());
            }
            if (c.hasNonNull("valuesKey")) {
                used.add(c.get("valuesKey").asText());
            }
            Matcher m = TEMPLATE.matcher(c.path("text").asText(""));
            while (m.find()) {
                used.add(m.group(1));
            }
            collect(c.path("components"), used);
        }
    }

    /** Variables are the back-quoted names in the first column of the page's tables. */
    static Set<String> documentedVariables(String markdown) {
        Set<String> names = new TreeSet<>();
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher m = Pattern.compile("`([^`]+)`").matcher(firstCell);
            List<String> found = new ArrayList<>();
            while (m.find()) {
                found.add(m.group(1));
            }
            names.addAll(found);
        }
        return names;
    }
}
