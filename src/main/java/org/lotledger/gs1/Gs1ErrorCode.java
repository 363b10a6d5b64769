package org.lotledger.gs1;

/** Stable codes of what can be wrong with a scanned or typed GS1 element string (documented in docs/gs1.md). */
public enum Gs1ErrorCode {
    /** Nothing was scanned or typed. */
    EMPTY_INPUT,
    /** The symbology identifier (e.g. {@code ]C0}) names a barcode that does not carry GS1 element strings. */
    UNSUPPORTED_SYMBOLOGY,
    /** An Application Identifier GS1 does not define. */
    UNKNOWN_AI,
    /** A character the AI's format does not allow (a letter in a numeric field, a control character...). */
    INVALID_CHARACTER,
    /** A variable-length field longer than its maximum, or a fixed field with characters left over. */
    FIELD_TOO_LONG,
    /** A variable-length field swallowed the next element: the GS (FNC1) separator after it is missing. */
    MISSING_SEPARATOR,
    /** A field shorter than its format requires (cut off by the end of the data or a GS). */
    TRUNCATED_FIELD,
    /** A mod-10 (GTIN, SSCC, GLN...) or alphanumeric (GMN) check digit does not match. */
    BAD_CHECK_DIGIT,
    /** A date or time that does not exist (month 13, 31 April, hour 25). */
    INVALID_DATE,
    /** A value its AI's rules do not allow, other than a check digit or a date (e.g. piece 3 of a total of 2). */
    INVALID_VALUE,
    /** An AI appears without the AI(s) GS1 says must accompany it (e.g. 02 without 37). */
    MISSING_REQUIRED_AI,
    /** Two AIs GS1 says cannot appear together (e.g. 01 and 02). */
    EXCLUDED_AI_COMBINATION,
    /** The same AI appears twice with different values. */
    DUPLICATE_AI,
    /** The human-readable form has a "(" without its ")" or a stray ")". */
    UNBALANCED_PARENTHESES,
    /** Safety net: the parser failed on this input in a way it did not foresee. Never expected; a bug if seen. */
    UNREADABLE_INPUT
}
