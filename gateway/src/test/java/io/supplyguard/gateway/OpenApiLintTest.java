package io.supplyguard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.testing.ExternalTool;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contract passes Redocly's linter (recommended rules, plus gateway/redocly.yaml). */
class OpenApiLintTest {
  // Pinned, so that a new release of the linter cannot fail a build that changed nothing.
  private static final String REDOCLY = "@redocly/cli@2.77.0";

  @Test
  @DisplayName("redocly lint finds no error in openapi.yaml")
  void lint() throws Exception {
    ExternalTool npx = ExternalTool.require("npx", "npm", "the OpenAPI lint (redocly) of the gateway's contract");
    ExternalTool.Result result = npx.run(Path.of("."), 300, "--yes", REDOCLY, "lint",
        "../common/src/main/resources/openapi/openapi.yaml");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("Your API description is valid");
  }
}
