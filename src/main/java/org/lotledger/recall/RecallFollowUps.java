package org.lotledger.recall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.platform.camunda.DecisionTables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has not answered a recall's notice, and how often quality chases them: the DMN {@code recallFollowUp} (recall
 * class, customer type → an ISO 8601 duration, dmn/recall-follow-up.dmn) evaluated for every customer still
 * unanswered; the shortest interval wins, as the most urgent customer sets the pace of the "Follow up unacknowledged
 * customers" timer. A customer is unanswered while some lot of the recall it received has no acknowledgement.
 */
@Service
public class RecallFollowUps {

    public static final String DECISION = "recallFollowUp";

    /** A customer with lots of the recall it has not acknowledged. */
    public record Unanswered(
            long customerId, String customerCode, String customerName, String customerType, List<String> lots) {}

    private final Recalls recalls;
    private final RecallNotices notices;
    private final RecallFollowUpRows rows;
    private final DecisionTables tables;

    RecallFollowUps(Recalls recalls, RecallNotices notices, RecallFollowUpRows rows, DecisionTables tables) {
        this.recalls = recalls;
        this.notices = notices;
        this.rows = rows;
        this.tables = tables;
    }

    @Transactional(readOnly = true)
    public List<Unanswered> unanswered(long recallId) {
        Set<String> answered = new java.util.HashSet<>();
        rows.latestAcknowledgements(recallId).forEach(a -> answered.add(a.customerId() + ":" + a.lotId()));
        Map<Long, Unanswered> out = new LinkedHashMap<>();
        for (RecallNotices.Notice n : notices.of(recallId).notices()) {
            if (answered.contains(n.customerId() + ":" + n.lotId())) {
                continue;
            }
            out.computeIfAbsent(
                            n.customerId(),
                            c -> new Unanswered(
                                    n.customerId(),
                                    n.customerCode(),
                                    n.customerName(),
                                    n.customerType(),
                                    new ArrayList<>()))
                    .lots()
                    .add(n.internalLabel());
        }
        return out.values().stream()
                .map(u -> new Unanswered(
                        u.customerId(), u.customerCode(), u.customerName(), u.customerType(), List.copyOf(u.lots())))
                .toList();
    }

    /**
     * The follow-up interval: the shortest the table gives for the recall's class and any unanswered customer's type
     * (every customer on the notice list when all have answered, the class alone when the list is empty).
     */
    @Transactional // not read-only: each evaluation is written to the engine's decision history
    public String interval(long recallId) {
        Recalls.Row r = recalls.get(recallId);
        List<String> types = new ArrayList<>(
                unanswered(recallId).stream().map(Unanswered::customerType).toList());
        if (types.isEmpty()) {
            types.add(null);
        }
        Map<String, Duration> seen = new HashMap<>();
        String best = null;
        for (String type : new java.util.LinkedHashSet<>(types)) {
            Map<String, Object> in = new HashMap<>();
            in.put("recallClass", r.recallClass().name());
            in.put("customerType", type);
            String iso = (String) tables.evaluate(DECISION, in).get("followUpInterval");
            Duration d = seen.computeIfAbsent(iso, Duration::parse);
            if (best == null || d.compareTo(Duration.parse(best)) < 0) {
                best = iso;
            }
        }
        return best;
    }

    /** The unanswered customers as the follow-up task shows them (Markdown). */
    public static String describe(List<Unanswered> unanswered) {
        StringBuilder sb = new StringBuilder();
        for (Unanswered u : unanswered) {
            sb.append("- **")
                    .append(u.customerCode())
                    .append("** ")
                    .append(u.customerName())
                    .append(u.customerType() == null ? "" : " (" + u.customerType() + ")")
                    .append(": lots ")
                    .append(String.join(", ", u.lots()))
                    .append('\n');
        }
        return TaskTexts.fit(sb.toString(), "GET /api/recalls/<id>/notices and its acknowledgements");
    }
}
