package org.lotledger.gs1;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Gs1Parser} made of an input: either a {@link Gs1Message} or the list of errors found, never an
 * exception. {@link #elements()} holds what could be read either way, for diagnostics.
 */
public final class Gs1ParseResult {

    private final List<Gs1Element> elements;
    private final List<Gs1Error> errors;

    Gs1ParseResult(List<Gs1Element> elements, List<Gs1Error> errors) {
        this.elements = List.copyOf(elements);
        this.errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public List<Gs1Error> errors() {
        return errors;
    }

    /** The elements read, valid or not, in input order. */
    public List<Gs1Element> elements() {
        return elements;
    }

    /** The message, present only when no error was found. */
    public Optional<Gs1Message> message() {
        return isValid() ? Optional.of(new Gs1Message(elements)) : Optional.empty();
    }

    /** The message, or a {@link Gs1ParseException} carrying every error. */
    public Gs1Message orElseThrow() {
        if (!isValid()) {
            throw new Gs1ParseException(errors);
        }
        return new Gs1Message(elements);
    }

    @Override
    public String toString() {
        return isValid() ? "valid " + elements : "invalid " + errors;
    }
}
