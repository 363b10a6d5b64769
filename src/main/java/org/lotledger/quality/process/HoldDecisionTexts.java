package org.lotledger.quality.process;

import java.util.List;
import java.util.Locale;
import org.lotledger.catalog.CatalogQueries;
import org.lotledger.quality.HoldDecision;
import org.lotledger.quality.HoldView;
import org.lotledger.quality.QualityHolds;
import org.springframework.stereotype.Component;

/** The texts the hold's task forms show: what the hold still holds ("Review hold"), the decision under review ("Approve hold decision"). */
@Component
public class HoldDecisionTexts {

    private final QualityHolds holds;
    private final CatalogQueries catalog;

    public HoldDecisionTexts(QualityHolds holds, CatalogQueries catalog) {
        this.holds = holds;
        this.catalog = catalog;
    }

    /** Readable lines of what the hold still holds, for the task forms. */
    public String heldSummary(long holdId) {
        List<HoldView.Remaining> held = holds.remaining(holdId);
        if (held.isEmpty()) {
            return "nothing";
        }
        StringBuilder s = new StringBuilder();
        for (HoldView.Remaining r : held) {
            s.append("- lot ")
                    .append(r.lotLabel())
                    .append(" (id ")
                    .append(r.lotId())
                    .append(") at ")
                    .append(r.locationCode())
                    .append(": ")
                    .append(r.quantity())
                    .append('\n');
        }
        return s.toString().trim();
    }

    public String describe(HoldDecision d) {
        StringBuilder s = new StringBuilder(d.outcome().name().replace('_', ' ').toLowerCase(Locale.ROOT))
                .append(" proposed by ")
                .append(d.decidedBy())
                .append('\n');
        for (HoldDecision.Part p : d.parts()) {
            s.append("\n- ")
                    .append(p.disposition().name().replace('_', ' ').toLowerCase(Locale.ROOT))
                    .append(' ')
                    .append(p.quantity())
                    .append(" of lot ")
                    .append(catalog.findLot(p.lotId())
                            .map(l -> l.internalLabel())
                            .orElse("id " + p.lotId()))
                    .append(" at ")
                    .append(catalog.findLocation(p.locationId())
                            .map(l -> l.code())
                            .orElse("location " + p.locationId()));
        }
        if (d.reasonCode() != null) {
            s.append("\n\nScrap reason ").append(d.reasonCode());
        }
        if (d.note() != null && !d.note().isBlank()) {
            s.append("\n\nNote: ").append(d.note());
        }
        return s.toString();
    }
}
