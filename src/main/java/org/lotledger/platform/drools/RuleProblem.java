package org.lotledger.platform.drools;

/** One error the DRL compiler (or our own package check) reported, located in its file. */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
