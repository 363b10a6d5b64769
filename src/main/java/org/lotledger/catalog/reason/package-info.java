/** Reason codes: which posting types each may be given with, and whether it needs approval. */
package org.lotledger.catalog.reason;
