/**
 * The receiving inspection's domain: the facts the inspection decision and form need about a received lot
 * ({@link org.lotledger.quality.inspection.InspectionFacts}), the check of an inspector's answer
 * ({@link org.lotledger.quality.inspection.InspectionResult}) and posting the result from the dock
 * ({@link org.lotledger.quality.inspection.PostingInspectionResult}). Owns no posting type of its own: it posts
 * STATUS_CHANGE, MOVE and QA_SAMPLE through the ledger gate.
 */
package org.lotledger.quality.inspection;
