package org.centralis.knowledge.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A short excerpt of an article around the first place a query matches, as HTML: every character
 * escaped, the matched terms wrapped in {@code <mark>}. The only markup in the result is
 * {@code <mark>}, so a page may render it unescaped.
 */
public final class Snippet {

  private Snippet() {}

  /** The excerpt of at most about {@code width} characters; the text's start when nothing matches. */
  public static String html(String text, String query, int width) {
    if (text == null) {
      return "";
    }
    String plain = text.replaceAll("\\s+", " ").strip();
    // NFKC keeps the length of CJK and ASCII text; for anything it would change, match on the original.
    String folded = Normalizer.normalize(plain, Normalizer.Form.NFKC);
    String haystack = (folded.length() == plain.length() ? folded : plain).toLowerCase(Locale.ROOT);
    List<int[]> hits = new ArrayList<>();
    for (String term : terms(query)) {
      for (int at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + term.length())) {
        hits.add(new int[] {at, at + term.length()});
      }
    }
    hits.sort(Comparator.<int[]>comparingInt(h -> h[0]).thenComparingInt(h -> -h[1]));
    int start = hits.isEmpty() ? 0 : Math.max(0, hits.get(0)[0] - width / 4);
    int end = Math.min(plain.length(), start + width);
    StringBuilder out = new StringBuilder();
    if (start > 0) {
      out.append('…');
    }
    int pos = start;
    for (int[] h : hits) {
      if (h[0] < pos || h[1] > end) {
        continue; // overlaps an earlier mark or runs past the excerpt
      }
      out.append(escape(plain.substring(pos, h[0]))).append("<mark>").append(escape(plain.substring(h[0], h[1]))).append("</mark>");
      pos = h[1];
    }
    out.append(escape(plain.substring(pos, end)));
    if (end < plain.length()) {
      out.append('…');
    }
    return out.toString();
  }

  /** What to highlight: each CJK run of the query as a whole and its bigrams, and each Latin word. */
  static List<String> terms(String query) {
    List<String> terms = new ArrayList<>();
    for (Tokenizer.Run r : Tokenizer.runs(query)) {
      terms.add(r.text());
      if (r.cjk()) {
        terms.addAll(r.tokens());
      }
    }
    return terms.stream().distinct().filter(t -> !t.isEmpty()).toList();
  }

  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
