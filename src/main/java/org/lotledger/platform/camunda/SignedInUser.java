package org.lotledger.platform.camunda;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.lotledger.common.DomainException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Who is completing a task: the user Tasklist, /engine-rest or the API authenticated with the engine — never a form
 * field. Task listeners that record a decision ask here, and a completion without a signed-in user is refused.
 */
@Component
@NamedInterface("camunda")
public class SignedInUser {

    private final IdentityService identity;

    public SignedInUser(IdentityService identity) {
        this.identity = identity;
    }

    /**
     * @param who the people who do this task, for the refusal's message (e.g. "receiving supervisor")
     * @throws DomainException UNAUTHENTICATED (403) when nobody is signed in
     */
    public String of(DelegateTask task, String who) {
        Authentication auth = identity.getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            throw new DomainException(
                    "UNAUTHENTICATED",
                    DomainException.Kind.FORBIDDEN,
                    "Only a signed-in " + who + " completes '" + task.getName() + "'.");
        }
        return auth.getUserId();
    }
}
