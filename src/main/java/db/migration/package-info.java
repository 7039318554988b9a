/** Flyway's Java migrations, where a change of schema needs code as well as SQL. */
@org.jspecify.annotations.NullMarked
package db.migration;
