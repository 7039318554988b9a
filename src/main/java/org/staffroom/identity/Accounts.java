package org.staffroom.identity;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.identity.AccountEvents.AccountDeleted;
import org.staffroom.identity.AccountEvents.AccountRegistered;
import org.staffroom.identity.AccountEvents.PasswordChanged;
import org.staffroom.identity.internal.AccountStore;
import org.staffroom.identity.internal.AccountStore.StoredAccount;
import org.staffroom.identity.internal.Inputs;
import org.staffroom.identity.internal.PasswordPolicy;
import org.staffroom.identity.internal.SessionRegistry;
import org.staffroom.identity.internal.SigningKeys;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.Times;

/** Identity's use cases for accounts. Registration happens through invitations (groups) or the setup page. */
@Service
public class Accounts {

    private final AccountStore store;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final SessionRegistry sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Passkeys passkeys;
    private final SigningKeys signingKeys;
    private final AccessTokens tokens;

    Accounts(AccountStore store, PasswordPolicy policy, PasswordEncoder encoder, SessionRegistry sessions,
            ApplicationEventPublisher events, Clock clock, Passkeys passkeys, SigningKeys signingKeys,
            AccessTokens tokens) {
        this.tokens = tokens;
        this.passkeys = passkeys;
        this.signingKeys = signingKeys;
        this.store = store;
        this.policy = policy;
        this.encoder = encoder;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates an account. Callers decide who may register (an invitation, the setup page).
     *
     * @throws InvalidInput for a bad e-mail address, name or password
     * @throws DomainException.Conflict when the address already has an account
     */
    @Transactional
    public UUID register(NewAccount account) {
        return create(account, false);
    }

    /** The setup page's first administrator; refused once any account exists. */
    @Transactional
    public UUID registerFirstAdministrator(NewAccount account) {
        if (store.count() > 0) {
            throw new DomainException.NotFound();
        }
        UUID id = create(account, true);
        if (store.count() > 1) {
            throw new DomainException.Conflict("setup.alreadyDone");
        }
        return id;
    }

    /** For demo data and tests that need many accounts: the caller supplies an already computed hash. */
    @Transactional
    public UUID registerWithHash(String email, String displayName, String passwordHash, boolean administrator) {
        UUID id = UUID.randomUUID();
        store.insert(id, Inputs.email("email", email), Inputs.displayName("displayName", displayName), passwordHash,
                administrator, Times.today(clock));
        events.publishEvent(new AccountRegistered(id));
        return id;
    }

    private UUID create(NewAccount account, boolean administrator) {
        String email = Inputs.email("email", account.email());
        String name = Inputs.displayName("displayName", account.displayName());
        policy.check("password", account.password(), email);
        if (store.byEmail(email).isPresent()) {
            throw new DomainException.Conflict("email.taken");
        }
        UUID id = UUID.randomUUID();
        store.insert(id, email, name, encoder.encode(account.password()), administrator, Times.today(clock));
        events.publishEvent(new AccountRegistered(id));
        return id;
    }

    public boolean setupNeeded() {
        return store.count() == 0;
    }

    public Optional<AccountView> find(UUID id) {
        return store.byId(id).map(StoredAccount::view);
    }

    public AccountView get(UUID id) {
        return find(id).orElseThrow(DomainException.NotFound::new);
    }

    public Optional<AccountView> findByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return store.byEmail(email.strip().toLowerCase(java.util.Locale.ROOT)).map(StoredAccount::view);
    }

    public Map<UUID, AccountView> views(Collection<UUID> ids) {
        return store.byIds(ids).stream().map(StoredAccount::view)
                .collect(Collectors.toMap(AccountView::id, view -> view));
    }

    @Transactional
    public void rename(UUID accountId, String displayName) {
        store.updateDisplayName(accountId, Inputs.displayName("displayName", displayName));
    }

    /**
     * Ends every session of the account but {@code keepSessionId} (null: every one), every access key, the
     * apps' 12-hour sign-ins and personal keys alike (each also carries the member's signing secret), and
     * every secret link another feature gave the member.
     */
    @Transactional
    public void signOutEverywhere(UUID accountId, @Nullable String keepSessionId) {
        tokens.revokeAll(accountId);
        sessions.revokeAllExcept(accountId, keepSessionId);
        // other features end the secret links they gave the member (PersonalLinks)
        events.publishEvent(new AccountEvents.SessionsRevoked(accountId));
    }

    /** Changes the password and ends every other session of the account, and every access key. */
    @Transactional
    public void changePassword(UUID accountId, String currentPassword, String newPassword, String keepSessionId) {
        StoredAccount account = store.byId(accountId).orElseThrow(DomainException.NotFound::new);
        if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
            throw new InvalidInput("currentPassword", "password.wrong");
        }
        setPassword(account, newPassword);
        signingKeys.rewrap(accountId, currentPassword, newPassword);
        signOutEverywhere(accountId, keepSessionId);
    }

    /** For password reset: no current password, and every session and access key ends. */
    @Transactional
    public void resetPassword(UUID accountId, String newPassword) {
        StoredAccount account = store.byId(accountId).orElseThrow(DomainException.NotFound::new);
        setPassword(account, newPassword);
        signingKeys.forget(accountId);
        signOutEverywhere(accountId, null);
    }

    private void setPassword(StoredAccount account, String newPassword) {
        policy.check("newPassword", newPassword, account.email());
        store.updatePassword(account.id(), encoder.encode(newPassword));
        events.publishEvent(new PasswordChanged(account.id()));
    }

    /**
     * Deletes the account and, through {@link AccountDeleted}, what other features hold about it. Anything
     * posted anonymously was never linked to the account and stays as it is.
     */
    @Transactional
    public void delete(UUID accountId, String password) {
        StoredAccount account = store.byId(accountId).orElseThrow(DomainException.NotFound::new);
        if (password == null || !encoder.matches(password, account.passwordHash())) {
            throw new InvalidInput("password", "password.wrong");
        }
        events.publishEvent(new AccountDeleted(accountId));
        passkeys.removeAll(accountId);
        store.delete(accountId);
        sessions.revokeAllExcept(accountId, null);
    }
}
