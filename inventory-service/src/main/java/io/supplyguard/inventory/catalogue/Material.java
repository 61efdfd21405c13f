package io.supplyguard.inventory.catalogue;

import java.util.List;

/**
 * A material a site can stock: its form and the rare-earth elements that put it under control.
 *
 * @param controlCode its code on China's Dual-Use Export Control List (such as {@code 1C904.a}), or null
 * @param hsCode its 10-digit China tariff line, or null
 */
public record Material(String id, String name, String form, List<String> elements, String controlCode,
    String hsCode) {

  public Material(String id, String name, String form, List<String> elements) {
    this(id, name, form, elements, null, null);
  }
}
