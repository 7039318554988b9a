package org.staffroom.identity;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/**
 * Who is signed in: the principal of every authenticated request, and what the session keeps. Holds no
 * e-mail address or name, so that sessions in the database carry no personal data beyond an id.
 */
public record CurrentAccount(UUID id, boolean administrator) implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return id.toString();
    }
}
