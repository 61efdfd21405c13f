package io.supplyguard.common.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BusFailureTest {

  @Test
  @DisplayName("a service's failure crosses the bus with its code, detail and field errors")
  void roundTrip() {
    ServiceException sent = new ServiceException(FailureCode.CONFLICT, "Would exceed the cap.",
        List.of(new FieldError("quantityKg", "exceeds the 6 kg that remain")));
    ServiceException received = BusFailure.decode(sent.code().code(), BusFailure.encode(sent));
    assertThat(received.code()).isEqualTo(FailureCode.CONFLICT);
    assertThat(received.detail()).isEqualTo("Would exceed the cap.");
    assertThat(received.errors()).containsExactly(new FieldError("quantityKg", "exceeds the 6 kg that remain"));
  }

  @Test
  @DisplayName("a failure text not written by BusServer is never passed on to the caller")
  void foreignTextIsDropped() {
    ServiceException received = BusFailure.decode(500, "java.lang.NullPointerException at Foo.bar(Foo.java:12)");
    assertThat(received.code()).isEqualTo(FailureCode.INTERNAL);
    assertThat(received.detail()).isEqualTo("Internal error").doesNotContain("NullPointer");
  }

  @Test
  @DisplayName("an unknown failure code is an internal error")
  void unknownCode() {
    assertThat(FailureCode.of(-1)).isEqualTo(FailureCode.INTERNAL);
    assertThat(FailureCode.of(409)).isEqualTo(FailureCode.CONFLICT);
  }
}
