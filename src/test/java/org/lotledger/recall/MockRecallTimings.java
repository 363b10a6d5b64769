package org.lotledger.recall;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.lotledger.common.Actor;

/**
 * The benchmark's mock recall line (issue 11 §5), measured through the real service ({@link MockRecalls#rehearse}:
 * scope, trace, hold plan, notices in one snapshot, the steps the run record times): the median of each step over
 * {@code runs} rehearsals after {@code warmup} more. Stores nothing. Used by {@link RecallTraceBenchmark} on the 10 M
 * legs and by MockRecallIntegrationTest on a batch of its own, so the line's code path is tested in the suite.
 */
final class MockRecallTimings {

    /** Who rehearses: quality may run a mock recall. */
    static final Actor QUALITY = new Actor("mock-recall-benchmark", Set.of("quality"));

    /** Milliseconds, medians; what the line prints, and what the rehearsals found (the same every run). */
    record Line(String scope, double total, double trace, double holds, double notices, int lots, int noticeCount) {

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "mock-recall scope=%s total=%.2f trace=%.2f holds=%.2f notices=%.2f",
                    scope,
                    total,
                    trace,
                    holds,
                    notices);
        }
    }

    private MockRecallTimings() {}

    static Line measure(MockRecalls mockRecalls, String label, RecallScope scope, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            mockRecalls.rehearse(scope, QUALITY);
        }
        double[] total = new double[runs];
        double[] trace = new double[runs];
        double[] holds = new double[runs];
        double[] notices = new double[runs];
        MockRecalls.Rehearsal last = null;
        for (int i = 0; i < runs; i++) {
            last = mockRecalls.rehearse(scope, QUALITY);
            total[i] = last.totalMs();
            trace[i] = last.traceMs();
            holds[i] = last.holdsMs();
            notices[i] = last.noticesMs();
        }
        return new Line(
                label,
                median(total),
                median(trace),
                median(holds),
                median(notices),
                last == null ? 0 : last.lots().inScope().size(),
                last == null ? 0 : last.notices().size());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
