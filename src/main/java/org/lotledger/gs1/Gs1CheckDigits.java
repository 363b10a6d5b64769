package org.lotledger.gs1;

/** GS1's check digit algorithms: mod 10 (GTIN, SSCC, GLN, GSRN...) and the check character pair of GMN (8013). */
public final class Gs1CheckDigits {

    /** GS1 AI encodable character set 82, in GS1's order (the order matters for the check character pair). */
    static final String CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    static final String CSET39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String CSET64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String CSET32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int[] PRIMES = {
        2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83
    };

    private Gs1CheckDigits() {}

    /**
     * The mod-10 check digit for {@code digitsWithoutCheck} (weights 3, 1, 3... from the right).
     *
     * @throws IllegalArgumentException if the text is not all digits
     */
    public static char mod10(CharSequence digitsWithoutCheck) {
        int sum = 0;
        int weight = 3;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            char c = digitsWithoutCheck.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit: " + c);
            }
            sum += (c - '0') * weight;
            weight = 4 - weight;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** Whether the last digit of {@code digits} is the right mod-10 check digit for the others. */
    public static boolean hasValidMod10(CharSequence digits) {
        return digits.length() >= 2
                && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                && mod10(digits.subSequence(0, digits.length() - 1)) == digits.charAt(digits.length() - 1);
    }

    /**
     * The two check characters GS1 computes over {@code data} (characters of set 82, at most 23 of them): a weighted
     * sum with prime weights, the last character weighted 2, modulo 1021, written as two characters of set 32.
     *
     * @throws IllegalArgumentException if the data is empty, too long or outside character set 82
     */
    public static String alphanumericPair(CharSequence data) {
        if (data.length() == 0 || data.length() > PRIMES.length) {
            throw new IllegalArgumentException("check character pair needs 1 to " + PRIMES.length + " characters");
        }
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            int value = CSET82.indexOf(data.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not in character set 82: " + data.charAt(i));
            }
            sum += value * PRIMES[data.length() - 1 - i];
        }
        sum %= 1021;
        return "" + CSET32.charAt(sum >> 5) + CSET32.charAt(sum & 31);
    }
}
