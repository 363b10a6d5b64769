package org.lotledger.platform.drools;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Records the names of the rules that fired, in firing order; what a rule test asserts on. */
public final class FiredRules extends DefaultAgendaEventListener {

    private final List<String> names = new ArrayList<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        names.add(event.getMatch().getRule().getName());
    }

    /** Names in firing order; a rule that fired twice appears twice. */
    public List<String> names() {
        return List.copyOf(names);
    }
}
