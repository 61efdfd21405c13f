package io.supplyguard.gateway.events;

/**
 * The text of a Server-Sent Events stream (WHATWG HTML, "server-sent events"). The payload is
 * JSON encoded on one line, so each event is one {@code data:} line.
 */
public final class SseFrames {

  private SseFrames() {
  }

  public static String event(ChangeEvent event) {
    return "id: " + event.id() + "\nevent: " + event.type() + "\ndata: " + event.toJson().encode() + "\n\n";
  }

  /** The first line, so that the client and every proxy between see the stream start. */
  public static String opened() {
    return ": stream open\n\n";
  }

  /** A comment line: clients ignore it, proxies see traffic and keep the connection. */
  public static String heartbeat() {
    return ": heartbeat\n\n";
  }
}
