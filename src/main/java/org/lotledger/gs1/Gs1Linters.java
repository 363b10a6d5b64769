package org.lotledger.gs1;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/**
 * The content checks ("linters") the Syntax Dictionary names on a component, as far as the product enforces them.
 * Checks that need GS1 or ISO code lists the dictionary does not carry (country and currency codes, GS1 Company
 * Prefix positions, IBAN, media and package types, coupon codes) are listed in {@link #NOT_CHECKED}: the value is
 * still checked for its character set and length. A test fails when a refreshed table names a linter in neither
 * set, so each new one gets a decision.
 */
final class Gs1Linters {

    static final Set<String> CHECKED = Set.of(
            "csum",
            "csumalpha",
            "yymmd0",
            "yymmdd",
            "yyyymmdd",
            "hhmi",
            "hh",
            "mi",
            "ss",
            "nonzero",
            "zero",
            "yesno",
            "winding",
            "hyphen",
            "iso5218",
            "pieceoftotal",
            "nozeroprefix",
            "hasnondigit",
            "latitude",
            "longitude",
            "pcenc",
            "posinseqslash");

    static final Set<String> NOT_CHECKED = Set.of(
            "gcppos1",
            "gcppos2",
            "iso3166",
            "iso3166999",
            "iso3166alpha2",
            "iso4217",
            "iban",
            "mediatype",
            "packagetype",
            "importeridx",
            "couponcode",
            "couponposoffer");

    /** What a linter found wrong: the code, the offset of the culprit within the component, a readable sentence. */
    record Problem(Gs1ErrorCode code, int offset, String message) {}

    private Gs1Linters() {}

    /** Runs {@code linter} over one component's data; {@code null} when it is fine or the linter is not checked. */
    static Problem check(String linter, String part, Gs1ApplicationIdentifier ai, LocalDate today) {
        String label = ai.label();
        switch (linter) {
            case "csum" -> {
                char expected = Gs1CheckDigits.mod10(part.substring(0, part.length() - 1));
                char actual = part.charAt(part.length() - 1);
                return expected == actual
                        ? null
                        : new Problem(
                                Gs1ErrorCode.BAD_CHECK_DIGIT,
                                part.length() - 1,
                                "Check digit of " + label + " " + part + " is wrong: expected " + expected);
            }
            case "csumalpha" -> {
                if (part.length() < 3 || part.length() > 25) {
                    return new Problem(
                            Gs1ErrorCode.INVALID_VALUE,
                            0,
                            label + " " + part + " must be 3 to 25 characters long including its two check characters");
                }
                String data = part.substring(0, part.length() - 2);
                String expected = Gs1CheckDigits.alphanumericPair(data);
                return part.endsWith(expected)
                        ? null
                        : new Problem(
                                Gs1ErrorCode.BAD_CHECK_DIGIT,
                                part.length() - 2,
                                "Check characters of " + label + " " + part + " are wrong: expected " + expected);
            }
            case "yymmd0", "yymmdd", "yyyymmdd" -> {
                String reason = dateProblem(linter, part, today);
                return reason == null
                        ? null
                        : new Problem(
                                Gs1ErrorCode.INVALID_DATE,
                                0,
                                label + " " + part + " is not a valid date (" + datePattern(linter) + "): " + reason);
            }
            case "hhmi" -> {
                Problem hour = time(label, part, 0, 23, "hour");
                return hour != null ? hour : time(label, part.substring(2), 2, 59, "minute");
            }
            case "hh" -> {
                return time(label, part, 0, 23, "hour");
            }
            case "mi" -> {
                return time(label, part, 0, 59, "minute");
            }
            case "ss" -> {
                return time(label, part, 0, 59, "second");
            }
            case "nonzero" -> {
                return part.chars().allMatch(c -> c == '0') ? invalid(label, part, 0, "must not be zero") : null;
            }
            case "zero" -> {
                return "0".equals(part) ? null : invalid(label, part, 0, "must start with the digit 0");
            }
            case "yesno" -> {
                return "0".equals(part) || "1".equals(part)
                        ? null
                        : invalid(label, part, 0, "must be 0 (no) or 1 (yes)");
            }
            case "winding" -> {
                return "0".equals(part) || "1".equals(part) || "9".equals(part)
                        ? null
                        : invalid(label, part, 0, "winding direction must be 0, 1 or 9");
            }
            case "hyphen" -> {
                return "-".equals(part) ? null : invalid(label, part, 0, "only a hyphen (-) may follow the number");
            }
            case "iso5218" -> {
                return "0129".contains(part) && part.length() == 1
                        ? null
                        : invalid(label, part, 0, "sex code must be 0, 1, 2 or 9 (ISO/IEC 5218)");
            }
            case "pieceoftotal" -> {
                int piece = Integer.parseInt(part.substring(0, part.length() / 2));
                int total = Integer.parseInt(part.substring(part.length() / 2));
                return piece >= 1 && total >= 1 && piece <= total
                        ? null
                        : invalid(label, part, 0, "piece " + piece + " of a total of " + total + " is impossible");
            }
            case "nozeroprefix" -> {
                return part.length() > 1 && part.charAt(0) == '0'
                        ? invalid(label, part, 0, "must not start with 0")
                        : null;
            }
            case "hasnondigit" -> {
                return part.chars().allMatch(c -> c >= '0' && c <= '9')
                        ? invalid(label, part, 0, "must contain at least one character that is not a digit")
                        : null;
            }
            case "latitude" -> {
                return Long.parseLong(part) <= 1_800_000_000L ? null : invalid(label, part, 0, "latitude out of range");
            }
            case "longitude" -> {
                return Long.parseLong(part) <= 3_600_000_000L
                        ? null
                        : invalid(label, part, 0, "longitude out of range");
            }
            case "pcenc" -> {
                for (int i = 0; i < part.length(); i++) {
                    if (part.charAt(i) == '%'
                            && (i + 2 >= part.length() || !isHex(part.charAt(i + 1)) || !isHex(part.charAt(i + 2)))) {
                        return invalid(label, part, i, "a % must be followed by two hexadecimal digits");
                    }
                }
                return null;
            }
            case "posinseqslash" -> {
                boolean ok = part.length() == 3
                        && part.charAt(1) == '/'
                        && Character.isDigit(part.charAt(0))
                        && Character.isDigit(part.charAt(2))
                        && part.charAt(0) >= '1'
                        && part.charAt(0) <= part.charAt(2);
                return ok ? null : invalid(label, part, 0, "must be a position in a sequence such as 1/2");
            }
            default -> {
                return null;
            }
        }
    }

    /** The date a date component stands for, applying the day-00 and century rules; {@code null} when invalid. */
    static LocalDate date(String linter, String part, LocalDate today) {
        if (dateProblem(linter, part, today) != null) {
            return null;
        }
        int year = "yyyymmdd".equals(linter)
                ? Integer.parseInt(part.substring(0, 4))
                : Gs1Dates.fullYear(Integer.parseInt(part.substring(0, 2)), today);
        int offset = "yyyymmdd".equals(linter) ? 4 : 2;
        YearMonth month = YearMonth.of(year, Integer.parseInt(part.substring(offset, offset + 2)));
        int day = Integer.parseInt(part.substring(offset + 2, offset + 4));
        // Day 00 ("yymmd0"): GS1 General Specifications — the date stands for the last day of that month.
        return day == 0 ? month.atEndOfMonth() : month.atDay(day);
    }

    static boolean isDateLinter(String linter) {
        return "yymmd0".equals(linter) || "yymmdd".equals(linter) || "yyyymmdd".equals(linter);
    }

    private static String dateProblem(String linter, String part, LocalDate today) {
        int expectedLength = "yyyymmdd".equals(linter) ? 8 : 6;
        if (part.length() != expectedLength || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "expected " + expectedLength + " digits";
        }
        int offset = expectedLength - 4;
        int year = "yyyymmdd".equals(linter)
                ? Integer.parseInt(part.substring(0, 4))
                : Gs1Dates.fullYear(Integer.parseInt(part.substring(0, 2)), today);
        int month = Integer.parseInt(part.substring(offset, offset + 2));
        int day = Integer.parseInt(part.substring(offset + 2, offset + 4));
        if (month < 1 || month > 12) {
            return "month " + part.substring(offset, offset + 2) + " does not exist";
        }
        if (day == 0) {
            return "yymmd0".equals(linter) ? null : "day 00 is not allowed here";
        }
        int daysInMonth = YearMonth.of(year, month).lengthOfMonth();
        return day <= daysInMonth
                ? null
                : "day " + day + " does not exist in " + YearMonth.of(year, month) + " (" + daysInMonth + " days)";
    }

    private static String datePattern(String linter) {
        return "yyyymmdd".equals(linter) ? "YYYYMMDD" : "YYMMDD";
    }

    private static Problem time(String label, String part, int offset, int max, String unit) {
        int value = Integer.parseInt(part.substring(0, 2));
        return value <= max
                ? null
                : new Problem(
                        Gs1ErrorCode.INVALID_DATE,
                        offset,
                        label + ": " + unit + " " + part.substring(0, 2) + " does not exist");
    }

    private static Problem invalid(String label, String part, int offset, String why) {
        return new Problem(Gs1ErrorCode.INVALID_VALUE, offset, label + " " + part + ": " + why);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }
}
