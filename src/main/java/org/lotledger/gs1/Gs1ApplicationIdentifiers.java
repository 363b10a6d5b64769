package org.lotledger.gs1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every Application Identifier GS1 defines, read once from {@code gs1-application-identifiers.tsv} beside this class.
 * That file is generated from GS1's Barcode Syntax Dictionary by {@code src/tools/gs1/generate_ai_table.py} and
 * committed; it is refreshed by re-running the script on a new dictionary release (docs/gs1.md). Keeping every AI,
 * not only those receiving uses, is what lets the parser keep an AI such as 240 or 91–99 and refuse only AIs GS1
 * does not define.
 */
public final class Gs1ApplicationIdentifiers {

    static final String RESOURCE = "gs1-application-identifiers.tsv";

    private static final Gs1ApplicationIdentifiers STANDARD = load();

    private final Map<String, Gs1ApplicationIdentifier> byAi;

    private Gs1ApplicationIdentifiers(Map<String, Gs1ApplicationIdentifier> byAi) {
        this.byAi = Collections.unmodifiableMap(byAi);
    }

    /** The table generated from GS1's dictionary and shipped with the application. */
    public static Gs1ApplicationIdentifiers standard() {
        return STANDARD;
    }

    public Optional<Gs1ApplicationIdentifier> find(String ai) {
        return Optional.ofNullable(byAi.get(ai));
    }

    public boolean isDefined(String ai) {
        return byAi.containsKey(ai);
    }

    public Collection<Gs1ApplicationIdentifier> all() {
        return byAi.values();
    }

    public int size() {
        return byAi.size();
    }

    /**
     * The AI the text at {@code position} starts with, if any. GS1 allocates AIs so that none is a prefix of another
     * (a test checks this holds for the table), so the first match by length 2, 3, 4 is the only one.
     */
    Optional<Gs1ApplicationIdentifier> startingAt(CharSequence text, int position) {
        for (int length = 2; length <= 4 && position + length <= text.length(); length++) {
            Gs1ApplicationIdentifier ai =
                    byAi.get(text.subSequence(position, position + length).toString());
            if (ai != null) {
                return Optional.of(ai);
            }
        }
        return Optional.empty();
    }

    private static Gs1ApplicationIdentifiers load() {
        try (InputStream in = Gs1ApplicationIdentifiers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("GS1 AI table " + RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Gs1ApplicationIdentifier> byAi = new LinkedHashMap<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Gs1ApplicationIdentifier ai = parseRow(line, number);
                if (byAi.put(ai.ai(), ai) != null) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": AI " + ai.ai() + " twice");
                }
            }
            return new Gs1ApplicationIdentifiers(byAi);
        } catch (IOException e) {
            throw new UncheckedIOException("GS1 AI table " + RESOURCE + " could not be read", e);
        }
    }

    private static Gs1ApplicationIdentifier parseRow(String line, int number) {
        String[] columns = Arrays.copyOf(line.split("\t", -1), 6);
        for (int i = 0; i < columns.length; i++) {
            columns[i] = columns[i] == null ? "" : columns[i];
        }
        try {
            var components = Arrays.stream(columns[2].trim().split("\\s+"))
                    .map(Gs1Component::parse)
                    .toList();
            var ai = new Gs1ApplicationIdentifier(
                    columns[0],
                    "predefined".equals(columns[1]),
                    components,
                    Gs1ApplicationIdentifier.parseRequires(columns[3]),
                    Gs1ApplicationIdentifier.parseExcludes(columns[4]),
                    columns[5].trim());
            if (ai.predefinedLength() && ai.components().stream().anyMatch(c -> c.optional() || !c.fixedLength())) {
                throw new IllegalArgumentException("a predefined-length AI must have fixed-length components only");
            }
            return ai;
        } catch (RuntimeException e) {
            throw new IllegalStateException(RESOURCE + " line " + number + " is malformed: " + line, e);
        }
    }
}
