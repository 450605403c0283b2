package dev.secondround.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises "the database cannot be reached right now" in an exception's causes: no connection could
 * be made or taken from the pool in time, or the server went away. Such a request is answered 503 (try
 * again shortly), not 500 (a bug of ours), and is not logged with a stack trace per request.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    static boolean causes(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && isUnavailable(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            // 08: connection exception; 57P01-57P03: the server is shutting down, crashed or cannot take connections yet;
            // 53300: too many connections (more pods × DB_POOL_MAX than max_connections): retry later too.
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                    || state.equals("53300");
        }
        // Agroal's pool: no connection became available within quarkus.datasource.jdbc.acquisition-timeout.
        return e.getMessage() != null && e.getMessage().contains("acquisition timeout");
    }
}
