package org.lotledger.transfers;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code lotledger.transfers.overdue}: how many transfers are overdue in transit now (an OVERDUE_IN_TRANSIT
 * alert raised, still on their way, no later deadline ahead; {@link TransferResolutions#overdueNow}). Read from the
 * database at each scrape, so two nodes report the same figure.
 */
@Component
class OverdueTransfersGauge {

    static final String NAME = "lotledger.transfers.overdue";

    OverdueTransfersGauge(MeterRegistry registry, TransferResolutions resolutions) {
        Gauge.builder(NAME, resolutions, r -> r.overdueNow())
                .description("Transfers overdue in transit (OVERDUE_IN_TRANSIT alert, not arrived)")
                .register(registry);
    }
}
