package org.lotledger.common;

import java.util.Objects;
import java.util.Set;

/** Who does something: a user id and the groups that user belongs to (the same groups Tasklist uses). */
public record Actor(String userId, Set<String> groups) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        groups = Set.copyOf(groups);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    public boolean isInAny(Set<String> wanted) {
        return wanted.stream().anyMatch(groups::contains);
    }
}
