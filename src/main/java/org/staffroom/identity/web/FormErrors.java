package org.staffroom.identity.web;

import org.springframework.validation.BindingResult;
import org.staffroom.shared.DomainException;

final class FormErrors {

    private FormErrors() {
    }

    /** Puts a use case's refusal next to the field it concerns. */
    static void reject(BindingResult result, DomainException.InvalidInput e) {
        result.rejectValue(e.field(), e.messageCode(), e.arguments(), e.messageCode());
    }
}
