package org.staffroom.shared.web;

import org.springframework.validation.BindingResult;
import org.staffroom.shared.DomainException;

/** Puts a use case's refusal next to the form field it concerns. */
public final class FormErrors {

    private FormErrors() {
    }

    /** Every field the use case refused, each next to its field. */
    public static void reject(BindingResult result, DomainException.InvalidInput e) {
        for (DomainException.InvalidInput each : e.all()) {
            result.rejectValue(each.field(), each.messageCode(), each.arguments(), each.messageCode());
        }
    }
}
