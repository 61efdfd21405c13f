package io.supplyguard.licence.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Compares names the way screening tools do (docs/regime.md, "Screening"):
 * <ol>
 *   <li>normalise: accents dropped, lower case, dots and apostrophes removed ({@code S.A.} is
 *       {@code sa}), other punctuation a space, {@code &} the word {@code and};</li>
 *   <li>drop legal-form words ({@link #LEGAL_FORMS}: Inc, Corp, Co, Ltd, LLC, GmbH, AG, SA, NV,
 *       plc, Holding(s), Group...) unless nothing else is left;</li>
 *   <li>pair the two names' words regardless of order, each word at most once, best pairs first,
 *       by Jaro-Winkler similarity; words less alike than {@link #WORD_FLOOR} do not pair;</li>
 *   <li>score: the paired words' similarity weighted by their length, over the length of all words
 *       of both names. 1 when the words are the same in any order; a word left unpaired on either
 *       side ("Partners", "Foods") costs its whole length.</li>
 * </ol>
 * Two names that are the same once their words are run together ({@code MPMaterials}) also score 1.
 */
public final class NameMatcher {
  /** Words less alike than this do not pair ("minerals" and "materials" are 0.83). */
  public static final double WORD_FLOOR = 0.88;

  /** Words that say what kind of legal person a party is, not which. */
  public static final Set<String> LEGAL_FORMS = Set.of(
      "inc", "incorporated", "corp", "corporation", "co", "company", "cos", "ltd", "limited", "llc", "llp", "lp",
      "gmbh", "mbh", "ag", "kg", "kgaa", "sa", "sas", "sarl", "spa", "srl", "nv", "bv", "plc", "se", "oy", "oyj",
      "ab", "asa", "pte", "pty", "jsc", "pjsc", "ojsc", "oao", "zao", "ooo", "kk", "holding", "holdings", "group",
      "the", "and");

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern DROPPED = Pattern.compile("[.'\u2019]");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private NameMatcher() {
  }

  /** The name's words, normalised, legal forms dropped (kept when they are all there is), in order. */
  public static List<String> words(String name) {
    String s = MARKS.matcher(Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)).replaceAll("");
    s = s.toLowerCase(Locale.ROOT).replace("&", " and ");
    s = SEPARATORS.matcher(DROPPED.matcher(s).replaceAll("")).replaceAll(" ").trim();
    if (s.isEmpty()) {
      return List.of();
    }
    List<String> all = Arrays.asList(s.split(" "));
    List<String> kept = all.stream().filter(w -> !LEGAL_FORMS.contains(w)).toList();
    return kept.isEmpty() ? List.copyOf(all) : kept;
  }

  /** The words sorted and joined by a space: names alike but for order, case, accents and legal form share it. */
  public static String key(String name) {
    return String.join(" ", words(name).stream().sorted().toList());
  }

  /** How alike two names are, in [0, 1]. */
  public static double score(String a, String b) {
    return score(words(a), words(b));
  }

  /** The same, of names already split into words by {@link #words}. */
  public static double score(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    if (String.join("", a).equals(String.join("", b))
        || a.stream().sorted().toList().equals(b.stream().sorted().toList())) {
      return 1;
    }
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        double similarity = JARO_WINKLER.apply(a.get(i), b.get(j));
        if (similarity >= WORD_FLOOR) {
          pairs.add(new double[] {similarity, i, j});
        }
      }
    }
    pairs.sort(Comparator.comparingDouble((double[] p) -> -p[0]).thenComparingDouble(p -> p[1])
        .thenComparingDouble(p -> p[2]));
    boolean[] usedA = new boolean[a.size()];
    boolean[] usedB = new boolean[b.size()];
    double paired = 0;
    for (double[] p : pairs) {
      int i = (int) p[1];
      int j = (int) p[2];
      if (!usedA[i] && !usedB[j]) {
        usedA[i] = true;
        usedB[j] = true;
        paired += p[0] * (a.get(i).length() + b.get(j).length());
      }
    }
    double total = a.stream().mapToInt(String::length).sum() + b.stream().mapToInt(String::length).sum();
    return Math.min(1, paired / total);
  }
}
