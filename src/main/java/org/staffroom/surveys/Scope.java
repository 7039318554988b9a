package org.staffroom.surveys;

import java.util.UUID;

/**
 * Where a survey is reached from: a group (its members answer there, its organisers run the group's own
 * surveys) or a network (its coordinators run the network's surveys).
 */
public sealed interface Scope {

    UUID id();

    record Group(UUID id) implements Scope {
    }

    record Network(UUID id) implements Scope {
    }

    /** From a route that names one or the other. */
    static Scope of(UUID groupId, UUID networkId) {
        return groupId != null ? new Group(groupId) : new Network(networkId);
    }
}
