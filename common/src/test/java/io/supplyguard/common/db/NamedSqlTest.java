package io.supplyguard.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplyguard.common.testing.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Named parameters: found in the template, bound by name on a real PostgreSQL, refused when they do not match. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamedSqlTest {
  private Pool pool;

  @BeforeAll
  void start(Vertx vertx) {
    pool = TestPostgres.pool(vertx, TestPostgres.newDatabase());
  }

  @AfterAll
  void stop(VertxTestContext test) {
    pool.close().onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("each name once; casts, an escaped #{ and PostgreSQL's # operators are not parameters")
  void names() {
    NamedSql sql = NamedSql.of(
        "SELECT #{a}::int + #{b}::int, #{a}::text[], '\\#{c}', '{\"x\":1}'::jsonb #> '{x}', 5 # 3");
    assertThat(sql.names()).containsExactlyInAnyOrder("a", "b");
    assertThat(NamedSql.of("SELECT 1").names()).isEmpty();
  }

  @Test
  @DisplayName("values are bound by name, a name used twice binds one value, null and arrays included")
  void binds(VertxTestContext test) {
    NamedSql sql = NamedSql.of("""
        SELECT #{b}::int - #{a}::int AS difference, #{a}::int AS a, #{missing}::text IS NULL AS absent,
               cardinality(#{days}::date[]) AS days""");
    sql.execute(pool, SqlParams.with("a", 2).and("b", 7).and("missing", null)
            .and("days", new LocalDate[] {LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-02")}))
        .onComplete(test.succeeding(rows -> test.verify(() -> {
          Row row = rows.iterator().next();
          assertThat(row.getInteger("difference")).isEqualTo(5);
          assertThat(row.getInteger("a")).isEqualTo(2);
          assertThat(row.getBoolean("absent")).isTrue();
          assertThat(row.getInteger("days")).isEqualTo(2);
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a parameter left out fails the statement, naming it, instead of binding NULL")
  void missing(VertxTestContext test) {
    NamedSql.of("SELECT #{status}::text IS NULL OR #{status} = 'OPEN', #{limit}::int")
        .execute(pool, SqlParams.with("status", "OPEN"))
        .onComplete(test.failing(e -> test.verify(() -> {
          assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing [limit]");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a value whose name is not in the statement (a misspelling) fails it, naming the name")
  void unknown(VertxTestContext test) {
    NamedSql.of("SELECT #{status}::text").execute(pool, SqlParams.with("status", "OPEN").and("stauts", "OPEN"))
        .onComplete(test.failing(e -> test.verify(() -> {
          assertThat(e).hasMessageContaining("not in the statement [stauts]");
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a name given twice is refused: one of the two values would be lost")
  void twice() {
    assertThatThrownBy(() -> SqlParams.with("a", 1).and("a", 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a");
  }
}
