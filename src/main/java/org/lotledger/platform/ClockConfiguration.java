package org.lotledger.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application: what "now" and "today" are is injected, so the rules that depend on it
 * (shelf life on arrival, GS1 dates without a century) are tested with a fixed clock and no framework.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
