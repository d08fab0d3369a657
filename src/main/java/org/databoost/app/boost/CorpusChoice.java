package org.databoost.app.boost;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.databoost.corpus.Corpus;
import org.databoost.corpus.ShardStore;

/**
 * A registered corpus as the Boost dialog offers it: its name and the line {@code corpus list}
 * prints about it (images, labels, embedders).
 */
public record CorpusChoice(String name, String line) {
  /** The choice for {@code c}, reading which embedders its store holds. */
  public static CorpusChoice of(Corpus c) throws IOException {
    List<String> parts = new ArrayList<>();
    for (String e : ShardStore.embedders(c)) {
      ShardStore s = ShardStore.read(c, e);
      parts.add(e + (s.complete() ? "" : " (" + s.doneCount() + "/" + s.shards() + " shards)"));
    }
    return new CorpusChoice(
        c.name(),
        String.format(
            Locale.ROOT,
            "%s — %,d images, %s, embedded by %s",
            c.name(),
            c.rows(),
            c.labelsText(),
            parts.isEmpty() ? "nothing yet" : String.join(", ", parts)));
  }

  @Override
  public String toString() {
    return line;
  }
}
