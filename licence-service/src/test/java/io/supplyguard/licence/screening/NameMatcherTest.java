package io.supplyguard.licence.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Name screening (docs/regime.md, "Screening") at the default threshold 0.9: a table of names a
 * consignee may be given as, against names as listed, with whether they must match.
 */
class NameMatcherTest {
  private static final double THRESHOLD = 0.9;

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @DisplayName("matches and near-misses at the default threshold 0.9")
  @CsvSource(delimiter = '|', textBlock = """
      MP Materials Corp.             | MP MATERIALS CORPORATION      | true
      Materials MP                   | MP Materials Corp.            | true
      MP Material                    | MP Materials Corp.            | true
      MP Materials Corp              | MP Materials                  | true
      mp materials, inc.             | MP Materials Corp.            | true
      MPMaterials                    | MP Materials                  | true
      MP Materails                   | MP Materials                  | true
      USA Rare Earth LLC             | USA Rare Earth, Inc.          | true
      U.S.A. Rare Earth              | USA Rare Earth                | true
      Rare Earth USA                 | USA Rare Earth LLC            | true
      USA Rare Earths                | USA Rare Earth                | true
      Hensoldt AG                    | HENSOLDT Holding GmbH         | true
      Hensoldt                       | Hensoldt AG                   | true
      HENSOLT AG                     | Hensoldt                      | true
      FN Herstal                     | FN Herstal S.A.               | true
      F.N. Herstal SA                | FN Herstal                    | true
      Herstal FN                     | FN Herstal                    | true
      Société Générale               | SOCIETE GENERALE S.A.         | true
      # Transliterations one letter apart match: small spelling differences still count.
      Müller & Söhne GmbH            | Mueller and Sohne             | true
      Mueller & Soehne GmbH          | Mueller and Soehne            | true
      Rheinmetall AG                 | Rheinmetall                   | true
      Baotou Magnetics Co., Ltd.     | BAOTOU MAGNETICS COMPANY LIMITED | true
      MP Minerals                    | MP Materials                  | false
      MP Minerals Corp.              | MP Materials Corp.            | false
      Rare Earth USA Partners        | USA Rare Earth                | false
      USA Rare Metals                | USA Rare Earth                | false
      Herstal Foods                  | FN Herstal                    | false
      # A word three letters longer but with the same stem still matches: a reviewer clears it.
      FN Hersteller                  | FN Herstal                    | true
      FN America                     | FN Herstal                    | false
      Hensoldt Sensors GmbH          | Hensoldt AG                   | false
      Hensoldt Optronics             | Hensoldt                      | false
      Materion                       | MP Materials                  | false
      American Rare Earths           | USA Rare Earth                | false
      MP                             | MP Materials                  | false
      Energy Fuels Inc.              | MP Materials Corp.            | false
      Lockheed Martin Corporation    | Lockheed Martin Corp.         | true
      Lockheed Martin Space          | Lockheed Martin               | false
      """)
  void table(String consignee, String listed, boolean match) {
    double score = NameMatcher.score(consignee, listed);
    assertThat(score).as("score of %s vs %s", consignee, listed).isBetween(0.0, 1.0);
    assertThat(score >= THRESHOLD).as("%s vs %s scores %.4f", consignee, listed, score).isEqualTo(match);
    assertThat(NameMatcher.score(listed, consignee)).as("symmetric").isEqualTo(score);
  }

  @Test
  @DisplayName("normalising: case, accents, punctuation and legal forms go; word order does not count")
  void keys() {
    assertThat(NameMatcher.key("MP Materials Corp.")).isEqualTo("materials mp");
    assertThat(NameMatcher.key("USA Rare Earth, Inc.")).isEqualTo("earth rare usa");
    assertThat(NameMatcher.key("HENSOLDT Holding GmbH")).isEqualTo("hensoldt");
    assertThat(NameMatcher.key("FN Herstal S.A.")).isEqualTo("fn herstal");
    assertThat(NameMatcher.key("Société Générale")).isEqualTo("generale societe");
    // A name of legal-form words only keeps them rather than become empty.
    assertThat(NameMatcher.key("Holding AG")).isEqualTo("ag holding");
    assertThat(NameMatcher.words("...")).isEmpty();
  }

  @Test
  @DisplayName("screening: aliases count, only entries listed on the date, a prohibiting list before the Watch List")
  void screening() {
    ListedParty mp = new ListedParty(1L, PartyList.CONTROL_LIST, "MP Materials Corp.", List.of("MP Mine Operations"),
        "US", LocalDate.of(2026, 6, 22), null, null, "test", null);
    ListedParty watched = new ListedParty(2L, PartyList.WATCH_LIST, "MP Materials", List.of(), "US",
        LocalDate.of(2026, 1, 1), null, null, "test", null);
    ListedParty gone = new ListedParty(3L, PartyList.CONTROL_LIST, "Herstal Foods", List.of(), "BE",
        LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1), null, "test", null);
    Screening screening = new Screening(List.of(mp, watched, gone), THRESHOLD);

    assertThat(screening.screen("MP Mine Operations LLC", LocalDate.of(2026, 7, 1))).get()
        .satisfies(m -> assertThat(m.matchedName()).isEqualTo("MP Mine Operations"));
    assertThat(screening.screen("MP Materials", LocalDate.of(2026, 7, 1))).get()
        .satisfies(m -> assertThat(m.entry().list()).isEqualTo(PartyList.CONTROL_LIST));
    assertThat(screening.screen("MP Materials", LocalDate.of(2026, 6, 21))).get()
        .satisfies(m -> assertThat(m.entry().list()).isEqualTo(PartyList.WATCH_LIST));
    assertThat(screening.screen("Herstal Foods", LocalDate.of(2025, 12, 31))).isPresent();
    assertThat(screening.screen("Herstal Foods", LocalDate.of(2026, 1, 1))).isEmpty();
    assertThat(screening.matches("materials mp", LocalDate.of(2026, 7, 1), null))
        .extracting(m -> m.entry().id()).containsExactly(1L, 2L);
  }

  @Test
  @DisplayName("a listing's fields are checked one by one, each error naming its field")
  void validation() {
    ListedParty bad = new ListedParty(null, null, " ", List.of("ok", "ok"), "us", null, null, "", "", null);
    assertThat(ListingValidator.validate(bad)).extracting(ListingError::field)
        .containsExactly("list", "name", "aliases[1]", "country", "added", "announcement", "source");
    assertThat(ListingValidator.validate(ListedParty.of(PartyList.WATCH_LIST, "FN Herstal", List.of(), "BE",
        LocalDate.of(2026, 4, 24), "MOFCOM 2026 No. 20", "https://www.mofcom.gov.cn/"))).isEmpty();
  }
}
