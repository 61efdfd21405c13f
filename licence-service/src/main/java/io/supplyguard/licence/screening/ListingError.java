package io.supplyguard.licence.screening;

/** One field of a listing that is not valid, and why. */
public record ListingError(String field, String message) {
}
