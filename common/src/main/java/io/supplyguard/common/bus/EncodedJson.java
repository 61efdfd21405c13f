package io.supplyguard.common.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A bus reply: a JSON document held as an object, as encoded bytes, or both. Across processes
 * it travels as its bytes, encoded once, and is parsed only by a receiver that reads it (the
 * gateway passes most replies on unread); within a process it is handed over as it is, neither
 * encoded nor copied. Receivers treat it as immutable.
 */
public final class EncodedJson {
  private JsonObject json;
  private Buffer bytes;

  private EncodedJson(JsonObject json, Buffer bytes) {
    this.json = json;
    this.bytes = bytes;
  }

  public static EncodedJson of(JsonObject json) {
    return new EncodedJson(json, null);
  }

  public static EncodedJson of(Buffer bytes) {
    return new EncodedJson(null, bytes);
  }

  public JsonObject json() {
    if (json == null) {
      json = new JsonObject(bytes);
    }
    return json;
  }

  public Buffer bytes() {
    if (bytes == null) {
      bytes = json.toBuffer();
    }
    return bytes;
  }

  /** Lets {@code bus} carry replies of this type; safe to call more than once. */
  static void registerOn(EventBus bus) {
    synchronized (REGISTERED) {
      if (REGISTERED.add(bus)) {
        bus.registerDefaultCodec(EncodedJson.class, new Codec());
      }
    }
  }

  private static final Set<EventBus> REGISTERED = Collections.newSetFromMap(new WeakHashMap<>());

  private static final class Codec implements MessageCodec<EncodedJson, EncodedJson> {
    @Override
    public void encodeToWire(Buffer buffer, EncodedJson reply) {
      Buffer encoded = reply.bytes();
      buffer.appendInt(encoded.length()).appendBuffer(encoded);
    }

    @Override
    public EncodedJson decodeFromWire(int pos, Buffer buffer) {
      // A view, not a copy: the wire buffer is this message's own (the bus cut it from the
      // connection's stream for this record), and a reply of several KB copied twice per
      // request was a quarter of the gateway's allocation on the measures read.
      int length = buffer.getInt(pos);
      return EncodedJson.of(buffer.slice(pos + 4, pos + 4 + length));
    }

    @Override
    public EncodedJson transform(EncodedJson reply) {
      return reply;
    }

    @Override
    public String name() {
      return "supplyguard-encoded-json";
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
