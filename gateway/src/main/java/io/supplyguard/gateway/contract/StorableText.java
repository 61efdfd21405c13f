package io.supplyguard.gateway.contract;

import io.supplyguard.common.bus.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Text a request may carry: no C0 control character but tab, line feed and carriage return, and
 * no unpaired UTF-16 surrogate, in any string of the body, the path or the query. PostgreSQL
 * refuses U+0000 in text (the request failed with a 500), stores a lone surrogate as "?" without
 * a word, and the other controls only make trouble for whoever reads the text back. Checked on
 * every request after the contract's own validation, so that no field of any operation is left out.
 */
final class StorableText {
  static final String PROBLEM = "must not contain control characters (U+0000 to U+001F other than tab and line breaks)"
      + " or unpaired surrogates";

  private StorableText() {
  }

  /** One error per field holding text that cannot be stored; none when all of it can. */
  static List<FieldError> errors(ValidatedRequest request) {
    List<FieldError> errors = new ArrayList<>();
    parameters(request.getPathParameters(), errors);
    parameters(request.getQuery(), errors);
    RequestParameter body = request.getBody();
    if (body != null && !body.isNull()) {
      value("", body.get(), errors);
    }
    return errors;
  }

  static boolean storable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static void parameters(Map<String, RequestParameter> parameters, List<FieldError> errors) {
    if (parameters != null) {
      parameters.forEach((name, parameter) -> {
        if (parameter != null && !parameter.isNull()) {
          value(name, parameter.get(), errors);
        }
      });
    }
  }

  private static void value(String path, Object value, List<FieldError> errors) {
    if (value instanceof String text) {
      if (!storable(text)) {
        errors.add(new FieldError(path.isEmpty() ? "body" : path, PROBLEM));
      }
    } else if (value instanceof JsonObject object) {
      object.forEach(entry -> {
        if (!storable(entry.getKey())) {
          errors.add(new FieldError(path.isEmpty() ? "body" : path, "has a member whose name " + PROBLEM));
        } else {
          value(path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), entry.getValue(), errors);
        }
      });
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        value(path + "[" + i + "]", array.getValue(i), errors);
      }
    }
  }
}
