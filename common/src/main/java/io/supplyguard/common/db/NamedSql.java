package io.supplyguard.common.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement whose parameters are named, {@code #{name}} (vertx-sql-client-templates' syntax,
 * which turns each name into one {@code $n}, a name used twice into the same one), so that nobody
 * counts {@code $1}..{@code $n} by hand. The template library binds a name it is given no value
 * for as NULL without a word, and a misspelt name would then quietly change what a statement does
 * ({@code #{status}::text IS NULL OR ...} would select every row): so the values must name exactly
 * the statement's parameters, or it is not run.
 */
public final class NamedSql {
  // The library's own pattern: an identifier in #{...}, not preceded by a backslash.
  private static final Pattern PARAMETER =
      Pattern.compile("(?<!\\\\)#\\{(\\p{javaUnicodeIdentifierStart}\\p{javaUnicodeIdentifierPart}*)}");

  private final String template;
  private final Set<String> names;

  private NamedSql(String template, Set<String> names) {
    this.template = template;
    this.names = names;
  }

  public static NamedSql of(String template) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PARAMETER.matcher(template);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return new NamedSql(template, Set.copyOf(names));
  }

  /** The parameters' names, each once. */
  public Set<String> names() {
    return names;
  }

  public String template() {
    return template;
  }

  /**
   * Runs the statement on {@code client}: the pool for a statement of its own, a connection for
   * one step of a transaction.
   *
   * <p>Fails, without running it, when {@code params} leaves out a parameter or names one the
   * statement lacks.
   */
  public Future<RowSet<Row>> execute(SqlClient client, SqlParams params) {
    if (!params.names().equals(names)) {
      Set<String> missing = new TreeSet<>(names);
      missing.removeAll(params.names());
      Set<String> unknown = new TreeSet<>(params.names());
      unknown.removeAll(names);
      return Future.failedFuture(new IllegalArgumentException("Parameters do not match the statement: missing "
          + missing + ", not in the statement " + unknown));
    }
    return SqlTemplate.forQuery(client, template).execute(params.asMap());
  }
}
