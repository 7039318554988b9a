package org.staffroom.groups.web;

import org.springframework.validation.BindingResult;
import org.staffroom.shared.DomainException;

final class FormErrors {

    private FormErrors() {
    }

    static void reject(BindingResult result, DomainException.InvalidInput e) {
        result.rejectValue(e.field(), e.messageCode(), e.arguments(), e.messageCode());
    }
}
