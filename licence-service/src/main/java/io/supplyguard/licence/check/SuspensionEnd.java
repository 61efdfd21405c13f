package io.supplyguard.licence.check;

import java.time.LocalDate;

/** A suspension protecting a supply that ends inside its horizon: it does not protect it. */
public record SuspensionEnd(String measureId, String reference, LocalDate lastDay) {
}
