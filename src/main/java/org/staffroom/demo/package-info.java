/**
 * The demo instance that {@code ./staffroom demo} starts with: a network, two groups and their people.
 * Later features add their own demo data here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
@org.jspecify.annotations.NullMarked
package org.staffroom.demo;
