package io.supplyguard.common.bootstrap;

import io.vertx.core.Future;

/** What a service is: its name (which names its configuration file) and how it starts. */
public interface ServiceDefinition {

  String name();

  /**
   * Deploys the service's verticles. The future completes only when every consumer is
   * registered and every server listens.
   */
  Future<?> start(ServiceContext context);
}
