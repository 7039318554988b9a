package org.staffroom.identity.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.staffroom.identity.AccountView;

/** The identity_account table; nothing outside identity reads it. */
@Repository
public class AccountStore {

    private static final int MAX_EMAIL = 254;

    public record StoredAccount(UUID id, String email, String displayName, String passwordHash, boolean administrator) {

        public AccountView view() {
            return new AccountView(id, email, displayName, administrator);
        }
    }

    private static final String COLUMNS = "id, email, display_name, password_hash, administrator";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, String email, String displayName, String passwordHash, boolean administrator,
            LocalDate createdOn) {
        jdbc.sql("""
                insert into identity_account (id, email, display_name, password_hash, administrator, created_on)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, email, displayName, passwordHash, administrator, createdOn)
                .update();
    }

    /**
     * The account with this address. A typed address that no account can have (control or null characters,
     * which PostgreSQL refuses in text, or longer than any address) finds none without asking the database.
     */
    public Optional<StoredAccount> byEmail(String email) {
        if (email == null || email.length() > MAX_EMAIL || email.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from identity_account where email = ?")
                .param(email).query(StoredAccount.class).optional();
    }

    public Optional<StoredAccount> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from identity_account where id = ?")
                .param(id).query(StoredAccount.class).optional();
    }

    public List<StoredAccount> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from identity_account where id in (:ids)")
                .param("ids", ids).query(StoredAccount.class).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from identity_account").query(Long.class).single();
    }

    public void updatePassword(UUID id, String passwordHash) {
        jdbc.sql("update identity_account set password_hash = ? where id = ?").params(passwordHash, id).update();
    }

    public void updateDisplayName(UUID id, String displayName) {
        jdbc.sql("update identity_account set display_name = ? where id = ?").params(displayName, id).update();
    }

    public void delete(UUID id) {
        jdbc.sql("delete from identity_account where id = ?").param(id).update();
    }
}
