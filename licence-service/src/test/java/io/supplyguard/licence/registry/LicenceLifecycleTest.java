package io.supplyguard.licence.registry;

import static io.supplyguard.licence.registry.LicenceStatus.ACTIVE;
import static io.supplyguard.licence.registry.LicenceStatus.APPLIED;
import static io.supplyguard.licence.registry.LicenceStatus.DENIED;
import static io.supplyguard.licence.registry.LicenceStatus.EXHAUSTED;
import static io.supplyguard.licence.registry.LicenceStatus.EXPIRED;
import static io.supplyguard.licence.registry.LicenceStatus.REVOKED;
import static io.supplyguard.licence.registry.LicenceStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LicenceLifecycleTest {

  @Test
  @DisplayName("an owner may take APPLIED to ACTIVE or DENIED, ACTIVE to SUSPENDED or REVOKED, SUSPENDED back to ACTIVE")
  void ownerTransitions() {
    assertThat(LicenceLifecycle.allowedFrom(APPLIED)).containsExactlyInAnyOrder(ACTIVE, DENIED);
    assertThat(LicenceLifecycle.allowedFrom(ACTIVE)).containsExactlyInAnyOrder(SUSPENDED, REVOKED);
    assertThat(LicenceLifecycle.allowedFrom(SUSPENDED)).containsExactly(ACTIVE);
  }

  @ParameterizedTest
  @EnumSource(value = LicenceStatus.class, names = {"DENIED", "REVOKED", "EXPIRED", "EXHAUSTED"})
  @DisplayName("a final status allows no transition")
  void finalStatuses(LicenceStatus status) {
    assertThat(LicenceLifecycle.allowedFrom(status)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(LicenceStatus.class)
  @DisplayName("EXPIRED and EXHAUSTED are never chosen by an owner: time and drawdowns bring them")
  void automaticStatusesAreNeverManual(LicenceStatus from) {
    assertThat(LicenceLifecycle.allowed(from, EXPIRED)).isFalse();
    assertThat(LicenceLifecycle.allowed(from, EXHAUSTED)).isFalse();
  }

  @Test
  @DisplayName("a licence is registered as an application or as already granted, nothing else")
  void startingStatuses() {
    assertThat(LicenceLifecycle.canStartIn(APPLIED)).isTrue();
    assertThat(LicenceLifecycle.canStartIn(ACTIVE)).isTrue();
    assertThat(LicenceLifecycle.canStartIn(SUSPENDED)).isFalse();
    assertThat(LicenceLifecycle.canStartIn(EXHAUSTED)).isFalse();
  }
}
