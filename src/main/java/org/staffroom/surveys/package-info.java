/**
 * Surveys: a group's organisers build a survey from the question bank and their own questions, run it,
 * and publish results that pass the disclosure-control rules. Responses carry no account, code or time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
// NullAway: not yet @NullMarked (issue 18)
package org.staffroom.surveys;
