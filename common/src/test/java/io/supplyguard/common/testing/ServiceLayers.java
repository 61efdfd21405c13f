package io.supplyguard.common.testing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The split both services keep: {@code api} does transport, {@code store} holds the statements, the domain packages
 * decide. Written once so that the two services cannot drift apart. A service's LayersTest includes these rules
 * ({@code ArchTests.in(ServiceLayers.class)}) and analyses only its own packages, which is why the rules can name
 * {@code ..store..} and {@code ..api..} without the service's prefix; it names its domain packages itself.
 */
public final class ServiceLayers {
  private ServiceLayers() {
  }

  /** The store is used by handlers and by background workers alike, so it knows no request and no bus. */
  @ArchTest
  static final ArchRule storeKnowsNoBus = noClasses().that().resideInAPackage("..store..")
      .should().dependOnClassesThat().resideInAnyPackage("io.supplyguard.common.bus..", "io.vertx.core.eventbus..");

  /**
   * Handlers run no SQL: no statement, no row, no PostgreSQL error. They may hold the pool, a connection or either as
   * a client, to open the transaction a change runs in and hand it to the repositories.
   */
  @ArchTest
  static final ArchRule apiRunsNoSql = noClasses().that().resideInAPackage("..api..")
      .should().dependOnClassesThat(resideInAnyPackage("io.vertx.sqlclient..", "io.vertx.pgclient..")
          .and(simpleNameNotIn("Pool", "SqlConnection", "SqlClient")))
      .because("SQL and its results belong to the store");

  /** The domain is pure Java, so that it can be tested (and benchmarked) alone. */
  public static ArchRule domainUsesNoVertx(String... domainPackages) {
    return noClasses().that().resideInAnyPackage(domainPackages)
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..");
  }

  private static DescribedPredicate<JavaClass> simpleNameNotIn(String... handles) {
    return DescribedPredicate.describe("not one of " + String.join(", ", handles),
        type -> !Set.of(handles).contains(type.getSimpleName()));
  }
}
