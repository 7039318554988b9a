package org.staffroom.shared.web;

import java.beans.PropertyEditorSupport;
import java.util.Set;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Checkboxes on forms: a value other than the ones a browser sends means "no". Without this, a tampered
 * value would fail to convert, the form record could not be built, and the page would fail instead of
 * showing the form again.
 */
@ControllerAdvice
class FormBinding {

    private static final Set<String> YES = Set.of("true", "on", "yes", "1");

    @InitBinder
    void lenientCheckboxes(WebDataBinder binder) {
        PropertyEditorSupport checkbox = new PropertyEditorSupport() {

            @Override
            public void setAsText(String text) {
                setValue(text != null && YES.contains(text.strip().toLowerCase(java.util.Locale.ROOT)));
            }
        };
        binder.registerCustomEditor(Boolean.class, checkbox);
        binder.registerCustomEditor(boolean.class, checkbox);
    }
}
