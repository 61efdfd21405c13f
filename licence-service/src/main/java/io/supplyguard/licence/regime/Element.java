package io.supplyguard.licence.regime;

/** A rare-earth element and, where the dual-use list gives one, its control code. */
public record Element(String symbol, String name, int atomicNumber, String category, String controlCode) {
}
