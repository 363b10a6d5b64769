package org.lotledger.recall;

/**
 * Texts a recall task shows (its form's read-only fields) are process variables, which the engine stores as strings
 * of at most {@value #MAX} characters (Camunda's {@code TEXT_} column): a longer one fails the task's transaction —
 * a LIVE recall of a 50-lot batch did at "Reconcile recall" (RecallHoldsBenchmark). A longer text is cut at a line
 * boundary and says where the whole of it is read.
 */
final class TaskTexts {

    static final int MAX = 4000;

    private TaskTexts() {}

    /** {@code text} when it fits, else its first whole lines and a last line naming {@code whole}. */
    static String fit(String text, String whole) {
        if (text == null || text.length() <= MAX) {
            return text;
        }
        int room = MAX - 200 - whole.length(); // the last line's room
        int cut = text.lastIndexOf('\n', room);
        String kept = text.substring(0, cut > 0 ? cut : room);
        long left =
                text.substring(kept.length()).lines().filter(l -> !l.isBlank()).count();
        return kept + "\n\n… " + left + " more lines cut to fit the task; the whole of it: " + whole;
    }
}
