package io.supplyguard.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.supplyguard.common.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link EventLoopValidator} relies on in vertx-openapi, against the library the build uses:
 * each test says what to do when an upgrade makes it fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventLoopValidatorTest {
  private static final String LICENCE = "6f1c2d3e-4b5a-4c6d-8e7f-901234567890";
  private Vertx vertx;
  private OpenAPIContract contract;
  private EventLoopValidator validator;

  @BeforeAll
  void load() throws Exception {
    vertx = Vertx.vertx();
    contract = Await.result(Contract.load(vertx)).routable();
    validator = new EventLoopValidator(vertx, contract);
  }

  @AfterAll
  void close() throws Exception {
    Await.result(vertx.close());
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("createTenant", request(Map.of(), Map.of(), Map.of(), "{\"name\": \"Acme\"}")),
        Arguments.of("createTenant", request(Map.of(), Map.of(), Map.of(), null)),
        Arguments.of("createTenant", request(Map.of(), Map.of(), Map.of(), "{\"name\": \"Acme\", \"x\": 1}")),
        Arguments.of("createTenant", request(Map.of(), Map.of(), Map.of("X-Request-Id", "r-1"), "{\"name\": 5}")),
        Arguments.of("getLicence", request(Map.of("id", LICENCE), Map.of(), Map.of(), null)),
        Arguments.of("getLicence", request(Map.of("id", "not-a-uuid"), Map.of(), Map.of(), null)),
        Arguments.of("getLicence", request(Map.of(), Map.of(), Map.of(), null)),
        Arguments.of("listLicences", request(Map.of(), Map.of("status", "ACTIVE", "element", "Dy",
            "expiringWithinDays", "30", "asOf", "2026-01-01", "limit", "10"), Map.of(), null)),
        Arguments.of("listLicences", request(Map.of(), Map.of("limit", "0"), Map.of(), null)),
        Arguments.of("listLicences", request(Map.of(), Map.of("asOf", "2026-02-30"), Map.of(), null)),
        Arguments.of("drawDown", request(Map.of("id", LICENCE), Map.of(), Map.of("Idempotency-Key", "k-1"),
            "{\"quantityKg\": 5, \"shipmentRef\": \"SHP-1\"}")),
        Arguments.of("drawDown", request(Map.of("id", LICENCE), Map.of(), Map.of(), "{\"quantityKg\": -5}")),
        Arguments.of("upsertPosition", request(Map.of("siteId", "plant-1", "materialId", "dy-oxide"), Map.of(),
            Map.of(), "{\"onHand\": 1}")),
        Arguments.of("checkLicence", request(Map.of(), Map.of("destination", "DE", "material", "dy-oxide"),
            Map.of(), null)));
  }

  private static ValidatableRequest request(Map<String, String> path, Map<String, String> query,
      Map<String, String> headers, String body) {
    return new ValidatableRequestImpl(Map.of(), parameters(headers), parameters(path), parameters(query),
        body == null ? null : new RequestParameterImpl(Buffer.buffer(body)), body == null ? null : "application/json");
  }

  private static Map<String, RequestParameter> parameters(Map<String, String> values) {
    Map<String, RequestParameter> parameters = new TreeMap<>();
    values.forEach((name, value) -> parameters.put(name, new RequestParameterImpl(value)));
    return parameters;
  }

  /**
   * validateNow is a copy of the loop that RequestValidatorImpl.validate runs on a worker. If this
   * fails after an upgrade, the library's loop changed: copy the new one into validateNow.
   */
  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("requests")
  @DisplayName("validateNow gives what the library's own validate gives, the same request or the same error")
  void sameAsTheLibrarysLoop(String operationId, ValidatableRequest request) throws Exception {
    String ours = outcome(() -> validator.validateNow(request, contract.operation(operationId)));
    String library = outcome(() -> Await.result(validator.validate(request, operationId)));
    assertThat(ours).isEqualTo(library);
  }

  /**
   * The reason the copy exists. If this fails after an upgrade, the library validates where it is
   * called: RequestValidation can call its validate, and validateNow can go.
   */
  @Test
  @DisplayName("the library still hands each validation to a worker thread")
  void theLibraryStillHopsToAWorker() throws Exception {
    AtomicBoolean onWorker = new AtomicBoolean();
    RequestValidatorImpl library = new RequestValidatorImpl(vertx, contract) {
      @Override
      public RequestParameter validateBody(RequestBody body, ValidatableRequest request) {
        onWorker.set(Context.isOnWorkerThread());
        return super.validateBody(body, request);
      }
    };
    Await.result(library.validate(request(Map.of(), Map.of(), Map.of(), "{\"name\": \"Acme\"}"), "createTenant"));
    assertThat(onWorker).as("validated on a worker thread").isTrue();
  }

  /**
   * The reason validateParameter is overridden. If this fails after an upgrade, the library now
   * takes a string parameter as the string it is (vertx-openapi 5.1 does): drop the override.
   */
  @Test
  @DisplayName("the library still reads a string parameter as JSON first: 1.5 becomes a number, not a string")
  void theLibraryStillDecodesStringParameters() {
    Parameter element = parameter("listLicences", "element");
    RequestValidatorImpl library = new RequestValidatorImpl(vertx, contract);
    Throwable refused = catchThrowable(() -> library.validateParameter(element, new RequestParameterImpl("1.5")));
    assertThat(refused).as("the library's verdict on element=1.5").isNotNull();
    assertThat(validator.validateParameter(element, new RequestParameterImpl("1.5")).get()).isEqualTo("1.5");
  }

  /** Where the override must not differ from the library: values that are plainly strings. */
  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"Dy", "2026-01-01", "2026-02-30", "ACTIVE", "x", "toolong", "ab c", ""})
  @DisplayName("the override and the library agree on every value the library reads as a string")
  void sameVerdictOnPlainStrings(String value) {
    RequestValidatorImpl library = new RequestValidatorImpl(vertx, contract);
    for (String[] name : new String[][] {{"listLicences", "element"}, {"listLicences", "asOf"},
        {"listLicences", "status"}, {"getLicence", "id"}}) {
      Parameter parameter = parameter(name[0], name[1]);
      RequestParameterImpl given = new RequestParameterImpl(value);
      assertThat(outcome(() -> validator.validateParameter(parameter, given)))
          .as(name[1] + "=" + value).isEqualTo(outcome(() -> library.validateParameter(parameter, given)));
    }
  }

  private Parameter parameter(String operationId, String name) {
    return contract.operation(operationId).getParameters().stream().filter(p -> p.getName().equals(name))
        .findFirst().orElseThrow();
  }

  private interface Outcome {
    Object get() throws Exception;
  }

  /** A validated request's parameters and body, or the error's type and message. */
  private static String outcome(Outcome validation) {
    try {
      Object result = validation.get();
      if (result instanceof ValidatedRequest validated) {
        return "path " + values(validated.getPathParameters()) + " query " + values(validated.getQuery())
            + " headers " + values(validated.getHeaders()) + " cookies " + values(validated.getCookies())
            + " body " + validated.getBody().get();
      }
      return result instanceof RequestParameter parameter ? "value " + parameter.get() : String.valueOf(result);
    } catch (Exception e) {
      Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
      return failure.getClass().getName() + ": " + failure.getMessage();
    }
  }

  private static Map<String, Object> values(Map<String, RequestParameter> parameters) {
    Map<String, Object> values = new TreeMap<>();
    parameters.forEach((name, parameter) -> values.put(name, parameter == null ? null : parameter.get()));
    return values;
  }
}
