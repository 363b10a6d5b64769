package org.lotledger.common;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The staff of one group at one warehouse, kept as a Camunda group named {@code <group>@<warehouse code>} (e.g.
 * {@code warehouse@EAST}): the same name is a Tasklist candidate group and what {@link Actor#worksAt} reads, so a
 * task offered to a warehouse's staff and the check of who may act on it cannot disagree. Platform's {@code Groups}
 * creates these groups; this type only names and reads them, so that domain code needs no platform type to ask.
 */
public record WarehouseGroup(String group, String warehouseCode) {

    public static final char SEPARATOR = '@';

    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]+");
    private static final Pattern ID = Pattern.compile("([a-z0-9][a-z0-9-]*)@([A-Z0-9_-]+)");

    public WarehouseGroup {
        if (group == null || !GROUP.matcher(group).matches()) {
            throw new IllegalArgumentException("not a group name: " + group);
        }
        warehouseCode = warehouseCode == null ? null : warehouseCode.trim().toUpperCase(Locale.ROOT);
        if (warehouseCode == null || !CODE.matcher(warehouseCode).matches()) {
            throw new IllegalArgumentException("not a warehouse code: " + warehouseCode);
        }
    }

    /** {@code <group>@<warehouse code>}, the Camunda group id. */
    public String id() {
        return group + SEPARATOR + warehouseCode;
    }

    /** The group id for {@code group} at {@code warehouseCode} (upper-cased, as warehouse codes are stored). */
    public static String id(String group, String warehouseCode) {
        return new WarehouseGroup(group, warehouseCode).id();
    }

    /** Whether {@code text} can be a warehouse code (any case, surrounding spaces ignored). */
    public static boolean isWarehouseCode(String text) {
        return text != null
                && CODE.matcher(text.trim().toUpperCase(Locale.ROOT)).matches();
    }

    /** The warehouse group a group id names, or empty for a group that is not one (e.g. {@code warehouse}). */
    public static Optional<WarehouseGroup> parse(String groupId) {
        if (groupId == null) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(groupId);
        return m.matches() ? Optional.of(new WarehouseGroup(m.group(1), m.group(2))) : Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
