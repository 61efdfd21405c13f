package io.supplyguard.inventory.catalogue;

import java.util.List;

/** A material a site can stock: its form and the rare-earth elements that put it under control. */
public record Material(String id, String name, String form, List<String> elements) {
}
