package org.lotledger.catalog.web;

import org.lotledger.common.DomainException;

/** An update came without If-Match: answered 428, because a blind overwrite is what optimistic locking prevents. */
public class PreconditionRequiredException extends DomainException {

    public PreconditionRequiredException() {
        super(
                "IF_MATCH_REQUIRED",
                Kind.BAD_REQUEST,
                "This change needs an If-Match header with the ETag of the version you read.");
    }
}
