package org.staffroom.shared.web;

import org.springframework.validation.BindingResult;
import org.staffroom.shared.DomainException;

/** Puts a use case's refusal next to the form field it concerns. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult result, DomainException.InvalidInput e) {
        result.rejectValue(e.field(), e.messageCode(), e.arguments(), e.messageCode());
    }
}
