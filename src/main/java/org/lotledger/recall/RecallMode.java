package org.lotledger.recall;

/** LIVE holds stock and notifies customers; MOCK rehearses the same steps without touching stock (issue 11 §4). */
public enum RecallMode {
    LIVE,
    MOCK
}
