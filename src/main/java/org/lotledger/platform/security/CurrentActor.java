package org.lotledger.platform.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The authenticated caller of a web request, as the domain sees it. */
@Component
@NamedInterface("security")
public class CurrentActor {

    public Actor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            throw new DomainException("UNAUTHENTICATED", DomainException.Kind.FORBIDDEN, "No authenticated user.");
        }
        Set<String> groups = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toSet());
        return new Actor(auth.getName(), groups);
    }
}
