package io.supplyguard.common.db;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Tells a database that is away (worth a retry later) from a query that is wrong. */
public final class DatabaseFailures {

  private DatabaseFailures() {
  }

  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // Refused, reset by the server going down, or written to after it closed ("Broken pipe" is a
      // plain IOException): the connection failed, not the query. Handlers do no other I/O.
      if (t instanceof ClosedConnectionException || t instanceof java.io.IOException) {
        return true;
      }
      // What vertx-pg-client throws for a query on a pooled connection the server has just
      // dropped (PostgreSQL restarting): no type or SQLSTATE of its own, only this text.
      if (t instanceof io.vertx.core.VertxException && t.getMessage() != null
          && t.getMessage().startsWith("Connection is not active now")) {
        return true;
      }
      // Class 08: connection exceptions; 57P: the server is shutting down or restarting.
      String state = t instanceof PgException pg ? pg.getSqlState()
          : t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
      if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
