/**
 * Groups of workers, their members and roles, invitations, and networks of groups. Other features ask
 * {@link org.staffroom.groups.GroupAccess} who may see and do what in a group.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Groups")
@org.jspecify.annotations.NullMarked
package org.staffroom.groups;
