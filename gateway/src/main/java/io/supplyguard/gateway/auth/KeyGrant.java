package io.supplyguard.gateway.auth;

import java.time.Duration;

/**
 * What a valid key grants, as read from the database: the key's id (so that a revocation can
 * find it in a cache), who it acts for, and how long it stays valid (a rotated key's grace
 * period; {@code null} while it is not being revoked).
 */
public record KeyGrant(String keyId, Principal principal, Duration validFor) {
}
