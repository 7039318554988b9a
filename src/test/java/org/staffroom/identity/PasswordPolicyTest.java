package org.staffroom.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.staffroom.identity.internal.PasswordPolicyAccess;
import org.staffroom.shared.DomainException.InvalidInput;

class PasswordPolicyTest {

    private final org.staffroom.identity.internal.PasswordPolicy policy = PasswordPolicyAccess.create();

    @Test
    void acceptsLongPassphrasesWithoutCompositionRules() {
        assertThatCode(() -> policy.check("password", "river otter teapot mango", "a@example.org"))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.check("password", "é".repeat(64), null)).doesNotThrowAnyException();
    }

    @Test
    void refusesShortLongAndCommonPasswords() {
        assertThatThrownBy(() -> policy.check("password", "short pass", null))
                .isInstanceOf(InvalidInput.class).hasMessage("password.tooShort");
        assertThatThrownBy(() -> policy.check("password", "x".repeat(129), null))
                .isInstanceOf(InvalidInput.class).hasMessage("password.tooLong");
        assertThatThrownBy(() -> policy.check("password", "qwertyuiopasdfghjkl", null))
                .isInstanceOf(InvalidInput.class).hasMessage("password.common");
        assertThatThrownBy(() -> policy.check("password", "1q2w3e4r5t6y", null))
                .isInstanceOf(InvalidInput.class).hasMessage("password.common");
        assertThatThrownBy(() -> policy.check("password", "Nurse.Jones@Example.org", "nurse.jones@example.org"))
                .isInstanceOf(InvalidInput.class).hasMessage("password.common");
    }

    @Test
    void countsCharactersNotBytes() {
        assertThatThrownBy(() -> policy.check("password", "😀".repeat(11), null))
                .isInstanceOf(InvalidInput.class).hasMessage("password.tooShort");
        assertThatCode(() -> policy.check("password", "😀".repeat(12), null)).doesNotThrowAnyException();
    }
}
