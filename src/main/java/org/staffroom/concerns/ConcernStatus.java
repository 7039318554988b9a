package org.staffroom.concerns;

/** Open until withdrawn by its author, adopted as a grievance, or closed by the organisers. */
public enum ConcernStatus {
    OPEN, WITHDRAWN, ADOPTED, CLOSED
}
