package io.supplyguard.inventory.site;

import java.time.Instant;

/**
 * A tenant's plant or warehouse, where its stock positions are held.
 *
 * @param country its ISO 3166-1 alpha-2 code; null when not given
 */
public record Site(String tenantId, String id, String name, String country, Instant createdAt) {
}
