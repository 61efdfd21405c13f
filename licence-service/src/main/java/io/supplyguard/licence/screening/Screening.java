package io.supplyguard.licence.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every entry of the lists (those removed too, so that any date can be screened), its names split
 * into words once, and the threshold a score must reach to count as a match.
 */
public final class Screening {
  /** Best first; of equal scores, the Control List before the Watch List, then by id. */
  private static final Comparator<ScreeningMatch> BEST_FIRST = Comparator
      .comparingDouble((ScreeningMatch m) -> -m.score())
      .thenComparing(m -> m.entry().list())
      .thenComparing(m -> m.entry().id() == null ? Long.MAX_VALUE : m.entry().id());

  private final List<Prepared> entries;
  private final double threshold;

  private record Prepared(ListedParty entry, List<String> names, List<List<String>> words) {
  }

  public Screening(List<ListedParty> entries, double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("The screening threshold must be in (0, 1], was " + threshold);
    }
    this.entries = entries.stream()
        .map(e -> new Prepared(e, e.names(), e.names().stream().map(NameMatcher::words).toList())).toList();
    this.threshold = threshold;
  }

  /** The same lists with {@code more} entries on them: a dry run's hypothetical listings. */
  public Screening with(List<ListedParty> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<ListedParty> all = new java.util.ArrayList<>(entries());
    all.addAll(more);
    return new Screening(all, threshold);
  }

  public double threshold() {
    return threshold;
  }

  public List<ListedParty> entries() {
    return entries.stream().map(Prepared::entry).toList();
  }

  /**
   * The entries listed on {@code asOf} (of {@code list}, or of every list when null) that
   * {@code name} matches, best first: each with the name or alias it matched best.
   */
  public List<ScreeningMatch> matches(String name, LocalDate asOf, PartyList list) {
    List<String> words = NameMatcher.words(name);
    List<ScreeningMatch> found = new ArrayList<>();
    for (Prepared p : entries) {
      if ((list != null && p.entry().list() != list) || !p.entry().listedOn(asOf)) {
        continue;
      }
      double best = -1;
      String matched = null;
      for (int i = 0; i < p.words().size(); i++) {
        double score = NameMatcher.score(words, p.words().get(i));
        if (score > best) {
          best = score;
          matched = p.names().get(i);
        }
      }
      if (best >= threshold) {
        found.add(new ScreeningMatch(p.entry(), matched, round(best)));
      }
    }
    found.sort(BEST_FIRST);
    return found;
  }

  /**
   * What screening a consignee on {@code asOf} finds for a supply: its best match on a list that
   * prohibits (the Control List, the Unreliable Entity List) if any, else its best on the Watch
   * List; empty when it matches no entry listed that day.
   */
  public Optional<ScreeningMatch> screen(String consignee, LocalDate asOf) {
    if (consignee == null) {
      return Optional.empty();
    }
    List<ScreeningMatch> all = matches(consignee, asOf, null);
    return all.stream().filter(m -> m.entry().list().prohibits()).findFirst().or(() -> all.stream().findFirst());
  }

  /** Scores are shown to 4 places. */
  private static double round(double score) {
    return Math.round(score * 10_000) / 10_000.0;
  }
}
