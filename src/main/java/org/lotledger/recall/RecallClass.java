package org.lotledger.recall;

/** The regulator's recall class: I (serious harm likely), II (temporary or reversible harm), III (harm unlikely). */
public enum RecallClass {
    I,
    II,
    III
}
