/**
 * Speak up: concerns raised with or without a name, co-signatures that cannot be linked to the member who
 * gave them, receipts that let an anonymous author come back, and the private conversation between an
 * author and the group's organisers. docs/anonymity.md describes what is stored and why.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Concerns")
@org.jspecify.annotations.NullMarked
package org.staffroom.concerns;
