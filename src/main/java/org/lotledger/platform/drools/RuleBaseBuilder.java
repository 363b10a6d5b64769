package org.lotledger.platform.drools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles DRL sources into one Kie module with the classic API (KieFileSystem/KieBuilder, no kmodule.xml on
 * disk). The module gets a default KieBase holding every rule and one KieBase per rule set (per folder), so a
 * session on one rule set can never fire another feature's rules. Plain Java: the Spring configuration and the
 * unit tests use exactly this class.
 */
public final class RuleBaseBuilder {

    /** Kie modules live in a JVM-wide repository; each build gets its own release so builds never mix. */
    private static final AtomicLong BUILDS = new AtomicLong();

    private static final String SOURCE_ROOT = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);

    private RuleBaseBuilder() {}

    /**
     * @param sources     every DRL to compile
     * @param classLoader where the fact classes the rules import are found (the application's class loader)
     * @throws RuleCompilationException listing every problem, when any file does not compile or declares a
     *                                  package other than its folder
     */
    public static CompiledRules build(Collection<DrlSource> sources, ClassLoader classLoader) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, String> ruleSets = new LinkedHashMap<>(); // rule set -> package
        for (DrlSource source : sources) {
            Matcher m = PACKAGE.matcher(stripComments(source.content()));
            String declared = m.find() ? m.group(1) : null;
            if (!source.expectedPackage().equals(declared)) {
                problems.add(new RuleProblem(
                        source.path(),
                        0,
                        "declares package " + declared + " but its folder says " + source.expectedPackage()
                                + " (the package of a DRL is its folder)"));
            }
            if (CompiledRules.ALL.equals(source.ruleSet())) {
                problems.add(new RuleProblem(
                        source.path(),
                        0,
                        "rules/" + CompiledRules.ALL
                                + "/ is reserved for the KieBase holding every rule; choose another folder"));
            }
            ruleSets.put(source.ruleSet(), source.expectedPackage());
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }

        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("org.lotledger", "lot-ledger-rules", "1.0." + BUILDS.incrementAndGet());
        KieModuleModel module = ks.newKieModuleModel();
        module.newKieBaseModel(CompiledRules.ALL).setDefault(true); // no package listed: every package
        for (Map.Entry<String, String> set : ruleSets.entrySet()) {
            module.newKieBaseModel(set.getKey()).addPackage(set.getValue());
        }
        KieFileSystem files =
                ks.newKieFileSystem().generateAndWritePomXML(releaseId).writeKModuleXML(module.toXML());
        for (DrlSource source : sources) {
            files.write(SOURCE_ROOT + source.path(), source.content());
        }
        KieBuilder builder = ks.newKieBuilder(files, classLoader).buildAll();
        // a broken package is reported once per KieBase that includes it ("all" and its own); list it once
        builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> new RuleProblem(fileOf(m), m.getLine(), m.getText().strip()))
                .distinct()
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RuleCompilationException(problems);
        }
        KieContainer container = ks.newKieContainer(releaseId, classLoader);
        // the container holds the compiled module; the JVM-wide repository need not keep it as well
        ks.getRepository().removeKieModule(releaseId);
        return new CompiledRules(container, new TreeSet<>(ruleSets.keySet()));
    }

    private static String fileOf(Message message) {
        String path = message.getPath();
        if (path == null || path.isBlank()) {
            return "(module)";
        }
        return path.startsWith(SOURCE_ROOT) ? path.substring(SOURCE_ROOT.length()) : path;
    }

    /** Only to find the package line; a commented-out package must not count. */
    private static String stripComments(String drl) {
        return drl.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)(//|#).*$", "");
    }
}
