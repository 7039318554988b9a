/**
 * Find a group: the public directory of listed groups, and join requests kept only until an organiser
 * handles them. The directory keeps its own copy of what listed groups show, fed by groups' events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
// NullAway: not yet @NullMarked (issue 18)
package org.staffroom.directory;
