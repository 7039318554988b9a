package org.staffroom.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells a database that cannot be used just now (stopped, restarting, unreachable, its disk full) from a bug
 * or a bad request: the first is answered 503 "temporarily unavailable" and the server carries on. Also the
 * connection pool's judge ({@code spring.datasource.hikari.exception-override-class-name}): a connection
 * that met such a failure is thrown away, so the pool reconnects once the database is back.
 */
public final class DatabaseFailures implements SQLExceptionOverride {

    /**
     * SQLSTATEs of a database that cannot be used just now. Standard class 08, connection exception;
     * PostgreSQL's 57P01-57P03 (shutting down, starting) and 53100 (disk full); H2's 90028 and 90031 (an
     * input/output error), 90098 (closed after one) and 90121 (closing).
     */
    private static final Pattern UNAVAILABLE = Pattern.compile("08...|57P0[123]|53100|90028|90031|90098|90121");
    /** H2's storage engine failing to read or write its file (a full disk, say), under a "general error". */
    private static final String H2_STORAGE_FAILURE = "org.h2.mvstore.MVStoreException";

    public static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // a rollback that failed as well hides the failure that made it roll back
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && unreachable(rollback.getApplicationException())) {
                return true;
            }
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || H2_STORAGE_FAILURE.equals(cause.getClass().getName())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && UNAVAILABLE.matcher(sql.getSQLState()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The pool's judge: a connection whose database failed so is not handed out again. */
    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException failure) {
        return unreachable(failure) ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
