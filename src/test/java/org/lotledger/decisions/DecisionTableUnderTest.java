package org.lotledger.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One decision table from {@code dmn/}, loaded from the classpath as the application deploys it and evaluated with
 * Camunda's standalone DMN engine. Records which rule matched, so a test can say which rule it meant to exercise
 * (an output value alone cannot tell two rules with the same result apart).
 */
final class DecisionTableUnderTest {

    static final String DMN_13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    static final String DMNDI_13 = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/dmn";
    static final String MODELER = "http://camunda.org/schema/modeler/1.0";

    /** Readable ids only: letters in words joined by underscores; a Modeler-generated id (Rule_0x1abcd) has digits. */
    private static final Pattern READABLE_ID = Pattern.compile("[A-Za-z]+(_[A-Za-z]+)*");

    private final String resource;
    private final String decisionKey;
    private final DmnEngine engine;
    private final DmnDecision decision;
    private final AtomicReference<DmnDecisionTableEvaluationEvent> lastEvaluation = new AtomicReference<>();

    private DecisionTableUnderTest(String file, String decisionKey) {
        this.resource = "dmn/" + file;
        this.decisionKey = decisionKey;
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        DmnDecisionEvaluationListener recorder =
                event -> lastEvaluation.set((DmnDecisionTableEvaluationEvent) event.getDecisionResult());
        configuration.customPostDecisionEvaluationListeners(List.of(recorder));
        this.engine = configuration.buildEngine();
        try (InputStream in = open()) {
            this.decision = engine.parseDecision(decisionKey, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DecisionTableUnderTest load(String file, String decisionKey) {
        return new DecisionTableUnderTest(file, decisionKey);
    }

    /** The outputs of the single matching rule (every table here is FIRST) and that rule's id. */
    record Evaluation(String ruleId, Map<String, Object> outputs) {}

    Evaluation evaluate(Map<String, Object> inputs) {
        lastEvaluation.set(null);
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, inputs);
        List<String> matched = lastEvaluation.get().getMatchingRules().stream()
                .map(DmnEvaluatedDecisionRule::getId)
                .toList();
        assertThat(matched).as("rules matched in %s for %s", resource, inputs).hasSize(1);
        assertThat(result.size()).isEqualTo(1);
        return new Evaluation(matched.get(0), result.getSingleResult().getEntryMap());
    }

    /** The rule ids in table order, read from the file. */
    List<String> ruleIds() {
        NodeList rules = document().getElementsByTagNameNS(DMN_13, "rule");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < rules.getLength(); i++) {
            ids.add(((Element) rules.item(i)).getAttribute("id"));
        }
        return ids;
    }

    /**
     * The rule ids named (first column, without the {@code Rule_} prefix) in the {@link CsvSource} rows of the test
     * class, so a rule an analyst adds without a test row fails the build.
     */
    static Set<String> ruleIdsNamedInCsvRowsOf(Class<?> testClass) {
        Set<String> named = new LinkedHashSet<>();
        for (Method m : testClass.getDeclaredMethods()) {
            CsvSource csv = m.getAnnotation(CsvSource.class);
            if (csv == null) {
                continue;
            }
            String rows = csv.textBlock().isBlank() ? String.join("\n", csv.value()) : csv.textBlock();
            Arrays.stream(rows.split("\n"))
                    .map(String::strip)
                    .filter(row -> !row.isEmpty() && !row.startsWith("#"))
                    .map(row -> "Rule_" + row.split(",")[0].strip())
                    .forEach(named::add);
        }
        return named;
    }

    /**
     * What Camunda Modeler and the engine need to accept the file and a business reader needs to understand it:
     * DMN 1.3, execution platform Camunda 7.24, historyTimeToLive, a stated hit policy, typed inputs, an annotation on
     * every rule, readable ids and a DRD shape for the decision.
     */
    void assertOpensInModelerAndDeploys() {
        Document doc = document();
        Element definitions = doc.getDocumentElement();
        assertThat(definitions.getNamespaceURI()).as("DMN 1.3 namespace").isEqualTo(DMN_13);
        assertThat(definitions.getAttributeNS(MODELER, "executionPlatform")).isEqualTo("Camunda Platform");
        assertThat(definitions.getAttributeNS(MODELER, "executionPlatformVersion"))
                .isEqualTo("7.24.0");

        NodeList decisions = doc.getElementsByTagNameNS(DMN_13, "decision");
        assertThat(decisions.getLength()).as("one decision per file").isEqualTo(1);
        Element decisionElement = (Element) decisions.item(0);
        assertThat(decisionElement.getAttribute("id")).isEqualTo(decisionKey);
        assertThat(decisionElement.getAttribute("name")).isNotBlank();
        assertThat(decisionElement.getAttributeNS(CAMUNDA, "historyTimeToLive")).matches("P\\d+D|\\d+");

        Element table =
                (Element) doc.getElementsByTagNameNS(DMN_13, "decisionTable").item(0);
        assertThat(table.getAttribute("hitPolicy")).as("hit policy stated").isNotBlank();

        NodeList inputExpressions = doc.getElementsByTagNameNS(DMN_13, "inputExpression");
        for (int i = 0; i < inputExpressions.getLength(); i++) {
            assertThat(((Element) inputExpressions.item(i)).getAttribute("typeRef"))
                    .as("input typeRef")
                    .isNotBlank();
        }
        NodeList outputs = doc.getElementsByTagNameNS(DMN_13, "output");
        for (int i = 0; i < outputs.getLength(); i++) {
            Element output = (Element) outputs.item(i);
            assertThat(output.getAttribute("typeRef")).as("output typeRef").isNotBlank();
            assertThat(output.getAttribute("name")).as("output name").isNotBlank();
        }

        NodeList rules = doc.getElementsByTagNameNS(DMN_13, "rule");
        assertThat(rules.getLength()).isPositive();
        for (int i = 0; i < rules.getLength(); i++) {
            Element rule = (Element) rules.item(i);
            assertThat(rule.getAttribute("id")).startsWith("Rule_");
            NodeList description = rule.getElementsByTagNameNS(DMN_13, "description");
            assertThat(description.getLength())
                    .as("annotation of %s", rule.getAttribute("id"))
                    .isEqualTo(1);
            assertThat(description.item(0).getTextContent())
                    .as("annotation of %s", rule.getAttribute("id"))
                    .isNotBlank();
        }

        Set<String> ids = allIds(doc.getDocumentElement(), new LinkedHashSet<>());
        assertThat(ids).allSatisfy(id -> assertThat(id).as("readable id").matches(READABLE_ID));

        NodeList shapes = doc.getElementsByTagNameNS(DMNDI_13, "DMNShape");
        List<String> shaped = new ArrayList<>();
        for (int i = 0; i < shapes.getLength(); i++) {
            shaped.add(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
        }
        assertThat(shaped).as("DRD shape for the decision").contains(decisionKey);

        // and the engine parsed it (the constructor would have thrown otherwise)
        assertThat(decision.isDecisionTable()).isTrue();
        assertThat(decision.getKey()).isEqualTo(decisionKey);
    }

    private static Set<String> allIds(Element element, Set<String> ids) {
        if (element.hasAttribute("id")) {
            ids.add(element.getAttribute("id"));
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                allIds(child, ids);
            }
        }
        return ids;
    }

    private Document document() {
        try (InputStream in = open()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private InputStream open() {
        InputStream in = DecisionTableUnderTest.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the classpath (pom.xml puts dmn/ there)");
        }
        return in;
    }
}
