package org.lotledger.gs1;

import java.time.LocalDate;

/** GS1 date rules that {@link java.time} does not know. */
public final class Gs1Dates {

    private Gs1Dates() {}

    /**
     * The full year of a two-digit GS1 year, by the General Specifications' sliding window (section 7.12): a year
     * 51 to 99 ahead of the current one is taken as last century, one 50 or more behind as next century; so the
     * window runs from 49 years back to 50 years ahead of {@code today}.
     */
    public static int fullYear(int yy, LocalDate today) {
        if (yy < 0 || yy > 99) {
            throw new IllegalArgumentException("two-digit year expected: " + yy);
        }
        int currentYear = today.getYear();
        int century = currentYear - Math.floorMod(currentYear, 100);
        int difference = yy - Math.floorMod(currentYear, 100);
        if (difference >= 51) {
            return century - 100 + yy;
        }
        if (difference <= -50) {
            return century + 100 + yy;
        }
        return century + yy;
    }
}
