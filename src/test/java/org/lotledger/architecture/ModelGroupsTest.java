package org.lotledger.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lotledger.platform.security.Groups;

/**
 * The group names analysts write into the models (a user task's candidate groups in {@code bpmn/}, a group a
 * decision table answers in {@code dmn/}) are groups of {@link Groups}: a typo would offer a task to nobody, and
 * Tasklist would not say so. Expressions ({@code ${qaGroup}}) are left to the code that sets them.
 */
class ModelGroupsTest {

    private static final Pattern CANDIDATE_GROUPS = Pattern.compile("candidateGroups=\"([^\"]*)\"");

    @Test
    void every_candidate_group_in_the_process_models_is_a_group_of_the_application() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Path model : files("bpmn", ".bpmn")) {
            Matcher m = CANDIDATE_GROUPS.matcher(Files.readString(model));
            while (m.find()) {
                for (String group : m.group(1).split(",")) {
                    String g = group.trim();
                    if (!g.startsWith("${") && !Groups.ALL.contains(g)) {
                        unknown.add(model.getFileName() + ": " + g);
                    }
                }
            }
        }
        assertThat(unknown).as("candidate groups not in Groups.ALL").isEmpty();
    }

    @Test
    void every_group_a_decision_table_answers_is_a_group_of_the_application() throws Exception {
        List<String> unknown = new ArrayList<>();
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (Path table : files("dmn", ".dmn")) {
            var doc = factory.newDocumentBuilder().parse(table.toFile());
            var tables = doc.getElementsByTagNameNS("*", "decisionTable");
            for (int t = 0; t < tables.getLength(); t++) {
                var decisionTable = (org.w3c.dom.Element) tables.item(t);
                var outputs = decisionTable.getElementsByTagNameNS("*", "output");
                List<Integer> groupOutputs = new ArrayList<>();
                for (int o = 0; o < outputs.getLength(); o++) {
                    String name = ((org.w3c.dom.Element) outputs.item(o)).getAttribute("name");
                    if (name.toLowerCase().endsWith("group")) {
                        groupOutputs.add(o);
                    }
                }
                var rules = decisionTable.getElementsByTagNameNS("*", "rule");
                for (int r = 0; r < rules.getLength(); r++) {
                    var entries = ((org.w3c.dom.Element) rules.item(r)).getElementsByTagNameNS("*", "outputEntry");
                    for (int o : groupOutputs) {
                        String text = entries.item(o).getTextContent().trim().replace("\"", "");
                        if (!text.isEmpty() && !Groups.ALL.contains(text)) {
                            unknown.add(table.getFileName() + ": " + text);
                        }
                    }
                }
            }
        }
        assertThat(unknown)
                .as("groups answered by decision tables, not in Groups.ALL")
                .isEmpty();
    }

    private static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
