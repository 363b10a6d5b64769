package org.lotledger.support;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** The engine of the engine-only process tests: in-memory H2, mocked delegates (engine-only-process-tests.cfg.xml). */
public final class EngineOnly {

    public static final String CONFIGURATION = "engine-only-process-tests.cfg.xml";

    private EngineOnly() {}

    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder()
                .configurationResource(CONFIGURATION)
                .build();
    }
}
