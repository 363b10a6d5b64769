/**
 * The Drools seam (ADR 0007): compiles every DRL under the top-level {@code rules/} folder at start, one rule set
 * per folder ({@code rules/<feature>/x.drl} declares {@code package rules.<feature>}), and opens sessions on a
 * named rule set. Feature code asks {@link org.lotledger.platform.drools.RuleSessions} to evaluate facts and reads
 * the result facts back; it never handles a Kie type itself.
 */
package org.lotledger.platform.drools;
