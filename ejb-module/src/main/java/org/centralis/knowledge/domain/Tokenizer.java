package org.centralis.knowledge.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Splits text into the tokens of the knowledge index, the same way for an article and for a query:
 * NFKC (full-width → half-width) and lower case first; then every run of CJK characters gives its
 * overlapping character bigrams (a run of one character gives that character), and every run of
 * Latin letters and digits gives one word, with a trailing plural {@code s} folded and a few English
 * stop words dropped. Chinese has no spaces, so bigrams are what a 2-character word such as 挂失
 * matches without a dictionary (the approach of Lucene's CJKAnalyzer and Oracle's CHINESE_VGRAM_LEXER).
 */
public final class Tokenizer {

  /** Longest token stored (the column is VARCHAR2(64 CHAR)); longer words are cut. */
  public static final int MAX_TOKEN = 64;

  private static final Set<String> STOP_WORDS =
      Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "how", "i", "in", "is", "it", "my", "of", "on", "or",
          "the", "to", "what", "with", "do", "does", "can", "you", "your");

  private Tokenizer() {}

  /** The distinct tokens of a text, in order of first appearance. */
  public static List<String> tokens(String text) {
    return new ArrayList<>(runs(text).stream().flatMap(r -> r.tokens().stream()).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
  }

  /**
   * The index rows of an article: each distinct token with its weight. A token counts
   * {@link #BODY_WEIGHT} once it appears anywhere, plus {@link #TITLE_BONUS} if in the title and
   * {@link #TAG_BONUS} if in the tags, so ranking by the summed weight of the matched tokens ranks
   * by the number of matched tokens first and by where they matched second.
   */
  public static Map<String, Integer> weighted(String title, String tags, String body) {
    Map<String, Integer> w = new LinkedHashMap<>();
    Set<String> inTitle = new LinkedHashSet<>(tokens(title));
    Set<String> inTags = new LinkedHashSet<>(tokens(tags));
    for (String t : inTitle) {
      w.put(t, BODY_WEIGHT);
    }
    for (String t : inTags) {
      w.put(t, BODY_WEIGHT);
    }
    for (String t : tokens(body)) {
      w.put(t, BODY_WEIGHT);
    }
    w.replaceAll((t, v) -> v + (inTitle.contains(t) ? TITLE_BONUS : 0) + (inTags.contains(t) ? TAG_BONUS : 0));
    return w;
  }

  public static final int BODY_WEIGHT = 10;
  public static final int TITLE_BONUS = 5;
  public static final int TAG_BONUS = 3;

  /** A run of the text: CJK characters or a Latin word, normalized. */
  public record Run(String text, boolean cjk) {

    List<String> tokens() {
      if (!cjk) {
        return STOP_WORDS.contains(text) ? List.of() : List.of(fold(text));
      }
      int[] cps = text.codePoints().toArray();
      if (cps.length == 1) {
        return List.of(text);
      }
      List<String> out = new ArrayList<>(cps.length - 1);
      for (int i = 0; i + 1 < cps.length; i++) {
        out.add(new String(cps, i, 2));
      }
      return out;
    }
  }

  /** The runs of a text, for the index and for highlighting. */
  public static List<Run> runs(String text) {
    List<Run> runs = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return runs;
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder cur = new StringBuilder();
    Boolean curCjk = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      Boolean kind = isCjk(cp) ? Boolean.TRUE : Character.isLetterOrDigit(cp) ? Boolean.FALSE : null;
      if (kind == null || !kind.equals(curCjk)) {
        flush(runs, cur, curCjk);
        curCjk = kind;
      }
      if (kind != null) {
        cur.appendCodePoint(cp);
      }
    }
    flush(runs, cur, curCjk);
    return runs;
  }

  private static void flush(List<Run> runs, StringBuilder cur, Boolean cjk) {
    if (cur.length() > 0 && cjk != null) {
      runs.add(new Run(cur.toString(), cjk));
    }
    cur.setLength(0);
  }

  static boolean isCjk(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }

  /** Plural folding (cards → card, but not class → clas) and the column limit. */
  static String fold(String word) {
    String w = word;
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      w = w.substring(0, w.length() - 1);
    }
    return w.length() > MAX_TOKEN ? w.substring(0, MAX_TOKEN) : w;
  }
}
