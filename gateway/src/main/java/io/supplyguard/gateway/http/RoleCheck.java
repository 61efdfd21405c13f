package io.supplyguard.gateway.http;

import io.supplyguard.common.bus.Role;
import io.supplyguard.gateway.auth.Authenticator;
import io.supplyguard.gateway.contract.RequestOperation;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call what, as the contract says: each operation under {@code /api} names its roles
 * in {@code x-roles}. Checked right after authentication and before the request is validated,
 * so that a caller without the role gets 403 whatever it sent. An operation without
 * {@code x-roles} stops the gateway at start: nothing is callable by omission.
 *
 * <p>The root handler finds the operation from the path as the contract spells it; should the
 * router ever match a path the contract's lookup does not, {@link #onRoute} checks the same
 * roles again on the operation's own route, after validation, so that no spelling of a path
 * skips the check.
 */
final class RoleCheck implements Handler<RoutingContext> {
  static final String EXTENSION = "x-roles";

  private final OpenAPIContract contract;
  private final Map<String, Set<Role>> rolesByOperation;

  RoleCheck(OpenAPIContract contract) {
    this.contract = contract;
    this.rolesByOperation = new HashMap<>();
    for (Operation operation : contract.operations()) {
      if (operation.getOpenAPIPath().startsWith("/api/")) {
        rolesByOperation.put(operation.getOperationId(), roles(operation));
      }
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    // No such operation: the router answers 404 or 405, or onRoute checks the route it matched.
    check(ctx, RequestOperation.of(ctx, contract));
  }

  /** The same check on an operation's route, where the router tells which operation it is. */
  void onRoute(RoutingContext ctx) {
    Operation operation = ctx.currentRoute().getMetadata(RouterBuilder.KEY_META_DATA_OPERATION);
    if (operation == null) {
      ctx.fail(new IllegalStateException("route of the contract without its operation"));
      return;
    }
    check(ctx, operation);
  }

  private void check(RoutingContext ctx, Operation operation) {
    Set<Role> allowed = operation == null ? null : rolesByOperation.get(operation.getOperationId());
    if (allowed == null || allowed.contains(Authenticator.principal(ctx).role())) {
      ctx.next();
    } else {
      ctx.fail(new HttpException(403, "This operation needs the "
          + allowed.stream().map(Role::name).sorted().collect(Collectors.joining(" or ")) + " role."));
    }
  }

  private static Set<Role> roles(Operation operation) {
    Object declared = operation.getExtensions().get(EXTENSION);
    if (declared instanceof JsonArray array) {
      declared = array.getList();
    }
    if (!(declared instanceof List<?> names) || names.isEmpty()) {
      throw new IllegalStateException("The OpenAPI operation " + operation.getOperationId()
          + " declares no " + EXTENSION);
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object name : names) {
      roles.add(Role.valueOf(String.valueOf(name)));
    }
    return roles;
  }
}
