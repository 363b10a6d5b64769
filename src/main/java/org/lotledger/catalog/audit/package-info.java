/** The append-only audit of catalog changes: who changed which row, when, from what to what. */
@NamedInterface("audit")
package org.lotledger.catalog.audit;

import org.springframework.modulith.NamedInterface;
