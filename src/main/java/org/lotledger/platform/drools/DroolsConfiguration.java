package org.lotledger.platform.drools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Compiles every {@code rules/**}{@code /*.drl} on the classpath (the top-level {@code rules/} folder, put there
 * as it is by the build) when the application starts. A rule that does not compile stops the start with a
 * {@link RuleCompilationException} listing file, line and message of each problem: better no start than a node
 * that silently decides without its rules.
 */
@Configuration(proxyBeanMethods = false)
public class DroolsConfiguration {

    static final String LOCATION_PATTERN = "classpath*:" + DrlSource.ROOT + "**/*.drl";

    private static final Logger log = LoggerFactory.getLogger(DroolsConfiguration.class);

    @Bean(destroyMethod = "dispose")
    CompiledRules compiledRules(ResourceLoader resourceLoader) {
        long started = System.nanoTime();
        ClassLoader classLoader = resourceLoader.getClassLoader();
        List<DrlSource> sources = findDrl(new PathMatchingResourcePatternResolver(resourceLoader));
        CompiledRules rules = RuleBaseBuilder.build(sources, classLoader);
        log.info(
                "Drools: compiled {} DRL file(s) into rule sets {} in {} ms",
                sources.size(),
                rules.ruleSets(),
                (System.nanoTime() - started) / 1_000_000);
        return rules;
    }

    /** Every rule; features normally go through {@link RuleSessions} and name their rule set instead. */
    @Bean
    KieBase kieBase(CompiledRules rules) {
        return rules.all();
    }

    @Bean
    RuleSessions ruleSessions(CompiledRules rules) {
        return new RuleSessions(rules);
    }

    static List<DrlSource> findDrl(PathMatchingResourcePatternResolver resolver) {
        try {
            List<DrlSource> sources = new ArrayList<>();
            for (Resource resource : resolver.getResources(LOCATION_PATTERN)) {
                sources.add(new DrlSource(relativePath(resource), resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            sources.sort(Comparator.comparing(DrlSource::path));
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the DRL files under " + LOCATION_PATTERN, e);
        }
    }

    /**
     * {@code file:.../target/classes/rules/fefo/x.drl} or {@code jar:...!/BOOT-INF/classes!/rules/fefo/x.drl}
     * → {@code rules/fefo/x.drl}. Anchored on the classpath root, not on the first "/rules/", because the project
     * itself may sit in a folder called rules.
     */
    static String relativePath(Resource resource) throws IOException {
        String url = resource.getURL().toString();
        for (String root : List.of("classes/", "classes!/", "!/")) {
            int at = url.lastIndexOf(root + DrlSource.ROOT);
            if (at >= 0) {
                return url.substring(at + root.length());
            }
        }
        int at = url.lastIndexOf("/" + DrlSource.ROOT);
        if (at < 0) {
            throw new IOException("Not under " + DrlSource.ROOT + ": " + url);
        }
        return url.substring(at + 1);
    }
}
