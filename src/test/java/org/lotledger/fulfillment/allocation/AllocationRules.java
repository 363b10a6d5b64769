package org.lotledger.fulfillment.allocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lotledger.platform.drools.CompiledRules;
import org.lotledger.platform.drools.DrlSource;
import org.lotledger.platform.drools.RuleBaseBuilder;
import org.lotledger.platform.drools.RuleSessions;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The allocation rule set as the application compiles it (rules/allocation/*.drl from the classpath, through
 * RuleBaseBuilder), compiled once per test JVM: plain Java, no Spring context.
 */
final class AllocationRules {

    private static CompiledRules compiled;

    private AllocationRules() {}

    static synchronized DroolsAllocator drools() {
        if (compiled == null) {
            compiled = RuleBaseBuilder.build(sources(), AllocationRules.class.getClassLoader());
        }
        return new DroolsAllocator(new RuleSessions(compiled));
    }

    static List<DrlSource> sources() {
        try {
            List<DrlSource> sources = new ArrayList<>();
            Resource[] found = new PathMatchingResourcePatternResolver(AllocationRules.class.getClassLoader())
                    .getResources("classpath*:rules/allocation/*.drl");
            for (Resource r : found) {
                sources.add(new DrlSource(
                        "rules/allocation/" + r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8)));
            }
            if (sources.isEmpty()) {
                throw new IllegalStateException("rules/allocation/*.drl not on the classpath");
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
