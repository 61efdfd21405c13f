package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.BodyReader;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.inventory.catalogue.Material;
import io.supplyguard.inventory.store.MaterialRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A material's codes: its entry on China's Dual-Use Export Control List ({@code controlCode}, such
 * as {@code 1C904} or {@code 1C904.a}) and its 10-digit China tariff line ({@code hsCode}), both
 * optional; and finding the material a tariff line stands for.
 */
final class MaterialCodes {
  static final Pattern CONTROL_CODE = Pattern.compile("[0-9][A-E][0-9]{3}(\\.[a-z])?");
  static final Pattern HS_CODE = Pattern.compile("[0-9]{10}");

  private MaterialCodes() {
  }

  static String controlCode(BodyReader in) {
    String code = in.text("controlCode", false, 7);
    if (code != null && !CONTROL_CODE.matcher(code).matches()) {
      return in.error("controlCode", "must be a dual-use control list code such as 1C904 or 1C904.a");
    }
    return code;
  }

  static String hsCode(BodyReader in) {
    String code = in.text("hsCode", false, 10);
    if (code != null && !HS_CODE.matcher(code).matches()) {
      return in.error("hsCode", "must be a tariff line of exactly 10 digits, such as 8505111000");
    }
    return code;
  }

  static JsonObject put(JsonObject json, Material material) {
    if (material.controlCode() != null) {
      json.put("controlCode", material.controlCode());
    }
    if (material.hsCode() != null) {
      json.put("hsCode", material.hsCode());
    }
    return json;
  }

  /**
   * The one material that carries a tariff line. None is NOT_FOUND. Several (the magnets share
   * 8505111000) are refused with a 400 naming {@code hsCode} and listing them: a tariff line does
   * not tell which elements a shipment holds, and guessing would answer for the wrong material.
   */
  static Future<Material> byHsCode(SqlClient client, JsonObject body) {
    BodyReader in = new BodyReader(body);
    String hsCode = hsCode(in);
    if (hsCode == null && !in.hasErrors()) {
      in.error("hsCode", "is required");
    }
    in.check();
    return MaterialRepository.byHsCode(client, hsCode).map(found -> {
      if (found.isEmpty()) {
        throw ServiceException.notFound("A material with tariff line " + hsCode);
      }
      if (found.size() > 1) {
        List<String> ids = found.stream().map(Material::id).toList();
        throw ServiceException.invalidField("hsCode", "is carried by several materials (" + String.join(", ", ids)
            + "); name one with material instead");
      }
      return found.get(0);
    });
  }
}
