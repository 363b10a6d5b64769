/**
 * The evidence of decisions (table {@code decision_record}, append-only): who decided what about which subject, at
 * which task, and why. Plain JDBC in the caller's transaction, shared by the features that decide (quality, receiving)
 * and by the Camunda seam that reads the deciding user of a task ({@code platform.camunda}); it depends on none of them.
 */
package org.lotledger.evidence;
