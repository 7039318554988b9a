package org.staffroom.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where the form that posts to this handler lives, for a refusal that sends the member elsewhere first and
 * then back (a locked signing secret): the request's path with {@link #append()} added. Without it, the form
 * is on the page one level up (a POST to {@code /groups/g/demands/d/support} comes from {@code /groups/g/demands/d}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface FormPage {

    /** Added to the request's path, for a form posted to a collection from its own page ({@code "/new"}). */
    String append();
}
