package org.lotledger.common;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who does something: a user id and the groups that user belongs to (the same groups Tasklist uses), including the
 * warehouse groups ({@code warehouse@EAST}, see {@link WarehouseGroup}) that say where the user works.
 */
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

    /**
     * Whether this actor works at the warehouse as a member of {@code group}: a member of {@code group@warehouse}
     * (e.g. {@code warehouse@EAST}), the group Tasklist offers that warehouse's tasks to. Membership of the base group
     * alone ({@code warehouse}) is not enough: it says what someone may do, the warehouse group says where. A code
     * that is no warehouse code (null, blank, spaces) is nobody's workplace: false.
     *
     * @throws IllegalArgumentException if {@code group} is not a group name (a programming error)
     */
    public boolean worksAt(String warehouseCode, String group) {
        return WarehouseGroup.isWarehouseCode(warehouseCode)
                && groups.contains(WarehouseGroup.id(group, warehouseCode));
    }

    /** The codes of the warehouses where this actor works as a member of {@code group}. */
    public Set<String> warehousesAs(String group) {
        return groups.stream()
                .map(WarehouseGroup::parse)
                .flatMap(java.util.Optional::stream)
                .filter(w -> w.group().equals(group))
                .map(WarehouseGroup::warehouseCode)
                .collect(Collectors.toUnmodifiableSet());
    }
}
