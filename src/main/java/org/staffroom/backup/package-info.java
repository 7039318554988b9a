/**
 * Backups of a whole instance and their restore into an empty database: {@code ./staffroom backup FILE} and
 * {@code ./staffroom restore FILE}, on H2 and PostgreSQL (docs/operations.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup")
// NullAway: not yet @NullMarked (issue 18)
package org.staffroom.backup;
