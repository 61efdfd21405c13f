package io.supplyguard.inventory.position;

import io.supplyguard.inventory.buffer.PositionInputs;
import java.util.List;

/**
 * A stock position with what the buffer model needs: its numbers, where its material ships and
 * for what use, and the material's elements and form.
 */
public record StockPosition(PositionKey key, PositionInputs inputs, String endUse, String destination,
    List<String> elements, String form) {
}
