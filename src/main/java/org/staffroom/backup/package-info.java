/**
 * Backups of a whole instance and their restore into an empty database: {@code ./staffroom backup FILE} and
 * {@code ./staffroom restore FILE}, on H2 and PostgreSQL (docs/operations.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup")
@org.jspecify.annotations.NullMarked
package org.staffroom.backup;
