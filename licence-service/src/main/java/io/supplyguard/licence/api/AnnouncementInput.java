package io.supplyguard.licence.api;

import io.supplyguard.licence.screening.PartyList;

import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.api.ListingsWriter.Listing;
import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.Suspension;
import io.supplyguard.licence.screening.PartyList;
import io.supplyguard.licence.store.Regime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One MOFCOM announcement from a request, validated whole: every problem of every part is named
 * with its path ({@code measures[1].elements}, {@code suspensions[0].until}) in one 400; then
 * every conflict with the stored regime (a measure id taken, a suspension sharing a day with one
 * recorded) in one 409. A measure is read as {@code POST /regime/measures} reads it, a suspension
 * as {@code POST /regime/measures/{id}/suspensions} does ({@link MeasureInput}, {@link SuspensionInput}).
 */
record AnnouncementInput(String number, LocalDate issuedOn, String title, String sourceUrl, List<Measure> measures,
    List<JsonObject> measureBodies, List<Part> suspensions, List<Listing> listings) {


  /** A suspension of the announcement: the measure it suspends and the suspension to store. */
  record Part(String measureId, Suspension suspension) {
  }

  /**
   * The announcement of a request the bus contract has checked (AnnouncementRequest: its parts'
   * shapes, lengths and counts); what remains is the regime's: elements and forms, dates in order,
   * a measure id given once, a suspension of a measure that exists, and at least one part.
   */
  static AnnouncementInput read(JsonObject body, Regime regime) {
    List<FieldError> errors = new ArrayList<>();
    String number = Texts.trimmed(body, "number");
    LocalDate issuedOn = LocalDate.parse(body.getString("issuedOn"));
    String title = Texts.trimmed(body, "title");
    String sourceUrl = Texts.trimmed(body, "sourceUrl");
    JsonArray measureList = body.getJsonArray("measures", new JsonArray());
    JsonArray suspensionList = body.getJsonArray("suspensions", new JsonArray());
    JsonArray listingList = body.getJsonArray("listings", new JsonArray());
    if (measureList.isEmpty() && suspensionList.isEmpty() && listingList.isEmpty()) {
      errors.add(new FieldError("measures", "an announcement must carry at least one measure, suspension or listing"));
    }

    List<Measure> measures = new ArrayList<>();
    List<JsonObject> measureBodies = new ArrayList<>();
    Map<String, Integer> newIds = new HashMap<>();
    java.util.Set<Object> named = new java.util.HashSet<>();
    for (int i = 0; i < measureList.size(); i++) {
      JsonObject part = measureList.getJsonObject(i);
      named.add(part.getValue("id"));
      Measure measure = MeasureInput.readNew(part, regime, "measures[" + i + "].", errors);
      if (measure != null) {
        Integer first = newIds.putIfAbsent(measure.id(), i);
        if (first != null) {
          errors.add(new FieldError("measures[" + i + "].id", "repeats measures[" + first + "].id"));
        }
        measures.add(measure);
        measureBodies.add(part);
      }
    }

    List<Part> suspensions = new ArrayList<>();
    for (int i = 0; i < suspensionList.size(); i++) {
      int before = errors.size();
      String prefix = "suspensions[" + i + "].";
      SuspensionInput input = SuspensionInput.read(suspensionList.getJsonObject(i), prefix, errors);
      if (!named.contains(input.measureId()) && regime.measure(input.measureId()).isEmpty()) {
        errors.add(new FieldError(prefix + "measureId",
            "names no measure: neither a stored one nor one of this announcement's"));
      }
      if (errors.size() == before) {
        suspensions.add(new Part(input.measureId(), input.draft(number, issuedOn, sourceUrl)));
      }
    }

    List<Listing> listings = new ArrayList<>();
    for (int i = 0; i < listingList.size(); i++) {
      JsonObject part = listingList.getJsonObject(i);
      List<String> aliases = part.getJsonArray("aliases", new JsonArray()).stream()
          .map(String.class::cast).toList();
      String added = part.getString("added");
      listings.add(new Listing(PartyList.valueOf(part.getString("list")), Texts.trimmed(part, "name"), aliases,
          part.getString("country"), added != null ? LocalDate.parse(added) : issuedOn));
    }
    if (!errors.isEmpty()) {
      throw ServiceException.invalidFields(errors);
    }
    AnnouncementInput announcement = new AnnouncementInput(number, issuedOn, title, sourceUrl, List.copyOf(measures),
        List.copyOf(measureBodies), List.copyOf(suspensions), List.copyOf(listings));
    announcement.checkConflicts(regime);
    return announcement;
  }

  /** Refuses (409, every conflict named) an announcement that clashes with the regime as stored. */
  void checkConflicts(Regime regime) {
    List<FieldError> conflicts = new ArrayList<>();
    for (int i = 0; i < measures.size(); i++) {
      if (regime.measure(measures.get(i).id()).isPresent()) {
        conflicts.add(new FieldError("measures[" + i + "].id", "is taken: a measure " + measures.get(i).id()
            + " exists already"));
      }
    }
    for (int i = 0; i < suspensions.size(); i++) {
      Part part = suspensions.get(i);
      Optional<Measure> stored = regime.measure(part.measureId());
      Measure measure = stored.orElseGet(() -> newMeasure(part.measureId()));
      overlap(measure, i).ifPresent(conflicts::add);
    }
    if (!conflicts.isEmpty()) {
      throw new ServiceException(FailureCode.CONFLICT, "The announcement conflicts with the regime as recorded: "
          + conflicts.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""),
          conflicts);
    }
  }

  /**
   * The conflict of suspension {@code i} with a suspension of {@code measure} (as stored, or
   * locked in the transaction), or with one that comes before it in this announcement.
   */
  Optional<FieldError> overlap(Measure measure, int i) {
    Part part = suspensions.get(i);
    Suspension s = part.suspension();
    Optional<Suspension> overlapping = measure.suspensionOverlapping(s.from(), s.until());
    if (overlapping.isPresent()) {
      Suspension existing = overlapping.get();
      return Optional.of(new FieldError("suspensions[" + i + "].from", "overlaps suspension "
          + existing.reference() + " of " + measure.id() + " (" + existing.from() + " to " + existing.lastDay()
          + "); an extension starts the day after the suspension it extends ends"));
    }
    for (int j = 0; j < i; j++) {
      Part earlier = suspensions.get(j);
      if (earlier.measureId().equals(part.measureId()) && earlier.suspension().overlaps(s.from(), s.until())) {
        return Optional.of(new FieldError("suspensions[" + i + "].from", "overlaps suspensions[" + j + "]"));
      }
    }
    return Optional.empty();
  }

  Measure newMeasure(String id) {
    return measures.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }

  /** The announcement as recorded in its audit event and answered: its parts as stored. */
  JsonObject toJson(List<Measure> storedMeasures, JsonArray storedSuspensions) {
    return new JsonObject().put("number", number).put("issuedOn", issuedOn.toString()).put("title", title)
        .put("sourceUrl", sourceUrl)
        .put("measures", new JsonArray(storedMeasures.stream().map(RegimeJson::measure).toList()))
        .put("suspensions", storedSuspensions)
        .put("listings", new JsonArray(listings.stream().map(Listing::toJson).toList()));
  }
}
