/**
 * Decisions: proposals (on their own or made at a meeting) and how each kind is counted (consensus checks,
 * yes/no/abstain, choose one or several, ranked choice, dot voting), quorum, and secret ballots. A closed
 * proposal is what a demand's mandate refers to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decisions")
@org.jspecify.annotations.NullMarked
package org.staffroom.decisions;
