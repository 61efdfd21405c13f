package io.supplyguard.gateway.webhooks;

/** What one attempt got: the receiver's HTTP status, or why there was none. */
record Outcome(Integer status, String error, long durationMs) {

  boolean delivered() {
    return status != null && status >= 200 && status < 300;
  }
}
