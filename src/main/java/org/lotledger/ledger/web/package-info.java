/**
 * The ledger's REST API: moves, adjustments, opening balances, reversals, postings, balances (also as of a time), a
 * lot's history and the self-audit.
 */
package org.lotledger.ledger.web;
