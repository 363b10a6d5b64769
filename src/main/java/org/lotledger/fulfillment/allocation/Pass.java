package org.lotledger.fulfillment.allocation;

/**
 * The passes of one line's walk over its item's candidates in ALLOC-050 order. An item that asks for whole cases
 * from storage (ALLOC-080) walks CASES (whole cases from storage), then LOOSE (the remainder from pick faces), then
 * ANY (what is still missing, from whatever is left, so a preference never backorders); any other item walks ANY
 * only.
 */
public enum Pass {
    CASES,
    LOOSE,
    ANY;

    /** Whether a candidate in this zone is looked at in this pass. */
    public boolean admits(Candidate c) {
        return switch (this) {
            case CASES -> c.inStorage();
            case LOOSE -> c.onPickFace();
            case ANY -> true;
        };
    }

    /** The pass a line starts with. */
    public static Pass first(ItemPolicy policy) {
        return policy.wholeCasesFromStorage() ? CASES : ANY;
    }

    /**
     * Whether this pass is the first to look at the candidate for the line, so a line's shelf-life exclusion
     * (ALLOC-030) is reported once, not once per pass.
     */
    public boolean firstLookAt(Candidate c, ItemPolicy policy) {
        return this == ANY ? !policy.wholeCasesFromStorage() : admits(c);
    }
}
