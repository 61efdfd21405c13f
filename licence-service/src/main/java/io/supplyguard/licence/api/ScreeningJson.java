package io.supplyguard.licence.api;

import io.supplyguard.licence.check.Decision;
import io.supplyguard.licence.check.Determination;
import io.supplyguard.licence.screening.ListedParty;
import io.supplyguard.licence.screening.PartyList;
import io.supplyguard.licence.screening.ScreeningMatch;
import io.vertx.core.json.JsonObject;

/**
 * What screening the consignee adds to a determination's JSON: {@code screening: {consignee, list,
 * entryId, name, matchedName, added, announcement?, score}}, and the sentence that says it, which
 * names the entry, the list, the date and the score.
 */
final class ScreeningJson {

  private ScreeningJson() {
  }

  /**
   * @param json the JSON of {@code screened}
   * @param plain the determination before screening (what the regime's measures alone decide)
   * @param consignee the name screened
   * @param reviewDays T for a Watch List consignee (calendar days), else ignored
   * @param extraWorkingDays the working days its review takes longer
   */
  static JsonObject with(JsonObject json, Determination plain, Determination screened, String consignee,
      long reviewDays, int extraWorkingDays) {
    ScreeningMatch m = screened.screening();
    if (m == null) {
      return json;
    }
    ListedParty e = m.entry();
    JsonObject screening = new JsonObject()
        .put("consignee", consignee)
        .put("list", e.list().name())
        .put("entryId", e.id())
        .put("name", e.name())
        .put("matchedName", m.matchedName())
        .put("added", e.added().toString())
        .put("score", m.score());
    if (e.announcement() != null) {
      screening.put("announcement", e.announcement());
    }
    json.put("screening", screening);
    String party = "the consignee \"" + consignee + "\" matches " + e.name() + " (entry " + e.id()
        + (m.matchedName().equals(e.name()) ? "" : ", as \"" + m.matchedName() + "\"") + ", score " + m.score()
        + ") on China's " + listName(e.list()) + " since " + e.added()
        + (e.announcement() == null ? "" : " (" + e.announcement() + ")");
    String text;
    if (e.list().prohibits()) {
      text = "Prohibited: " + party + "; no supply to a listed party is planned.";
      if (plain.decision() == Decision.PROHIBITED) {
        text = text + " " + DeterminationJson.explanation(plain);
      }
    } else if (screened.decision() == Decision.PROHIBITED) {
      text = DeterminationJson.explanation(plain) + " Also, " + party + ".";
    } else {
      json.put("reviewDays", reviewDays);
      text = "Licence required: " + party + "; exports to it need a licence of their own (no general licence), "
          + "with end-user checks that lengthen MOFCOM's review by " + extraWorkingDays + " working days ("
          + reviewDays + " calendar days from " + plain.query().asOf() + "). "
          + DeterminationJson.explanation(plain);
    }
    return json.put("explanation", text);
  }

  private static String listName(PartyList list) {
    return switch (list) {
      case CONTROL_LIST -> "Control List (CONTROL_LIST)";
      case WATCH_LIST -> "Watch List (WATCH_LIST)";
      case UNRELIABLE_ENTITY_LIST -> "Unreliable Entity List (UNRELIABLE_ENTITY_LIST)";
    };
  }
}
