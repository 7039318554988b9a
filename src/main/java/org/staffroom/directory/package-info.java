/**
 * Find a group: the public directory of listed groups, and join requests kept only until an organiser
 * handles them. The directory keeps its own copy of what listed groups show, fed by groups' events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
@org.jspecify.annotations.NullMarked
package org.staffroom.directory;
