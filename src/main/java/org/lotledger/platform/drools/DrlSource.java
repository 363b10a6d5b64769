package org.lotledger.platform.drools;

import java.util.Objects;

/**
 * One DRL file as found on the classpath.
 *
 * @param path    classpath-relative, always starting with {@code rules/}, e.g. {@code rules/fefo/earliest-expiry.drl}
 * @param content the DRL text
 */
public record DrlSource(String path, String content) {

    public static final String ROOT = "rules/";

    public DrlSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        path = path.replace('\\', '/');
        if (!path.startsWith(ROOT) || !path.endsWith(".drl") || path.indexOf('/', ROOT.length()) < 0) {
            throw new IllegalArgumentException(
                    "A DRL lives in a feature folder under rules/, like rules/<feature>/<name>.drl; got " + path);
        }
    }

    /** The package the file must declare: its folder with dots, e.g. {@code rules.fefo}. */
    public String expectedPackage() {
        return path.substring(0, path.lastIndexOf('/')).replace('/', '.');
    }

    /** The rule set the file belongs to: its package without the leading {@code rules.}, e.g. {@code fefo}. */
    public String ruleSet() {
        return expectedPackage().substring("rules.".length());
    }
}
