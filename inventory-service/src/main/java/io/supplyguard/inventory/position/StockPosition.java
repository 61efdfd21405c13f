package io.supplyguard.inventory.position;

import io.supplyguard.inventory.buffer.PositionInputs;
import java.util.List;

/**
 * A stock position with what the buffer model needs: its numbers, where its material ships and
 * for what use, and the material's elements and form.
 *
 * @param consignee the party the material is exported to, screened against China's lists; null when not given
 */
public record StockPosition(PositionKey key, PositionInputs inputs, String endUse, String destination,
    List<String> elements, String form, String consignee) {

  /** A position that names no consignee. */
  public StockPosition(PositionKey key, PositionInputs inputs, String endUse, String destination,
      List<String> elements, String form) {
    this(key, inputs, endUse, destination, elements, form, null);
  }
}
