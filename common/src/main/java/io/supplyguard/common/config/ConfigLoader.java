package io.supplyguard.common.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * The one configuration loader: defaults shared by every service, then the service's own
 * defaults (both on the classpath), then environment variables, then explicit overrides
 * (used by tests and launchers). Later stores win.
 */
public final class ConfigLoader {

  private ConfigLoader() {
  }

  public static Future<Settings> load(Vertx vertx, String serviceName, JsonObject overrides) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions()
        .setScanPeriod(0)
        .addStore(classpathJson("config/common.json"))
        .addStore(classpathJson("config/" + serviceName + ".json"))
        .addStore(new ConfigStoreOptions().setType("env").setConfig(new JsonObject().put("raw-data", true)))
        .addStore(new ConfigStoreOptions().setType("json").setConfig(overrides));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig()
        .map(Settings::new)
        .onComplete(done -> retriever.close());
  }

  private static ConfigStoreOptions classpathJson(String path) {
    // Vert.x resolves a file that is not on disk from the classpath.
    return new ConfigStoreOptions().setType("file").setFormat("json").setOptional(false)
        .setConfig(new JsonObject().put("path", path));
  }
}
