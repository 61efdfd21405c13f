package io.supplyguard.inventory.api;

import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.inventory.catalogue.Material;
import io.supplyguard.inventory.store.MaterialRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.List;

/**
 * A material's codes: its entry on China's Dual-Use Export Control List ({@code controlCode}, such
 * as {@code 1C904} or {@code 1C904.a}) and its 10-digit China tariff line ({@code hsCode}), both
 * optional, their forms the contract's ControlCode and HsCode; and finding the material a tariff
 * line stands for.
 */
final class MaterialCodes {

  private MaterialCodes() {
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
  static Future<Material> byHsCode(SqlClient client, String hsCode) {
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
