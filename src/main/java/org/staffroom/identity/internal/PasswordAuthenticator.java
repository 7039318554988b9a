package org.staffroom.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.identity.internal.AccountStore.StoredAccount;

/** Checks an e-mail address and password, taking the same time whether or not the address is known. */
@Component
public class PasswordAuthenticator implements AuthenticationProvider {

    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final String decoyHash;

    PasswordAuthenticator(AccountStore store, PasswordEncoder encoder) {
        this.store = store;
        this.encoder = encoder;
        this.decoyHash = encoder.encode("decoy password for unknown addresses");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String email = request.getName() == null ? "" : request.getName().strip().toLowerCase(Locale.ROOT);
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        CurrentAccount account = check(email, password)
                .orElseThrow(() -> new BadCredentialsException("bad credentials"));
        return UsernamePasswordAuthenticationToken.authenticated(account, null, authorities(account));
    }

    public Optional<CurrentAccount> check(String email, String password) {
        if (password.length() > PasswordPolicy.MAX_LENGTH * 4 || email.length() > Inputs.MAX_EMAIL) {
            return Optional.empty();
        }
        Optional<StoredAccount> account = store.byEmail(email);
        if (account.isEmpty()) {
            encoder.matches(password, decoyHash);
            return Optional.empty();
        }
        if (!encoder.matches(password, account.get().passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(new CurrentAccount(account.get().id(), account.get().administrator()));
    }

    public static List<GrantedAuthority> authorities(CurrentAccount account) {
        return account.administrator()
                ? List.of(new SimpleGrantedAuthority("ROLE_MEMBER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_MEMBER"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
