/** Reason codes: which posting types each may be given with, and whether it needs approval. */
@NamedInterface("reason")
package org.lotledger.catalog.reason;

import org.springframework.modulith.NamedInterface;
