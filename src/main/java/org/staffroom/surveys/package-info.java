/**
 * Surveys: a group's organisers build a survey from the question bank and their own questions, run it,
 * and publish results that pass the disclosure-control rules. Responses carry no account, code or time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
@org.jspecify.annotations.NullMarked
package org.staffroom.surveys;
