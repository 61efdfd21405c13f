package io.supplyguard.licence.store;

import io.supplyguard.licence.registry.LicenceStatus;
import java.time.LocalDate;

/**
 * Which licences to list.
 *
 * @param tenantId null for every tenant (ADMIN)
 * @param expiringBy only licences still in force whose validTo is on or before this date
 */
public record LicenceFilter(String tenantId, LicenceStatus status, String element, LocalDate expiringBy,
    int limit, int offset) {
}
