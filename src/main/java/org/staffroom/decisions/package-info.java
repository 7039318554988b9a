/**
 * Decisions: proposals and how each kind is counted (consensus checks, yes/no/abstain, choose one or
 * several, ranked choice, dot voting), quorum, and later secret ballots and mandates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decisions")
package org.staffroom.decisions;
