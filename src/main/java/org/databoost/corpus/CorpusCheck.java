package org.databoost.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.databoost.dataset.ContentHash;
import org.databoost.task.Progress;

/**
 * Whether the images of a store's written shards are still the ones that were embedded: a file
 * whose size and modification time are unchanged is trusted, any other is hashed again and compared
 * with the manifest's SHA-256.
 */
public final class CorpusCheck {
  static final String STAGE = "Checking the corpus against its manifest";

  /** One image that is not what was embedded. */
  public record Change(long row, String path, String what) {}

  /** What the check found; {@code shards} are the written shards holding a change. */
  public record Changes(
      boolean sourceGone, List<Change> changed, List<Change> vanished, TreeSet<Integer> shards) {
    public boolean none() {
      return !sourceGone && changed.isEmpty() && vanished.isEmpty();
    }

    /** A plain message for the user, naming up to three images and what to do. */
    public String describe(Corpus c) {
      if (sourceGone) {
        return "The folder of the corpus '"
            + c.name()
            + "' is gone: "
            + c.source()
            + ". Put it back, or remove the corpus (corpus remove "
            + c.name()
            + ").";
      }
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              Locale.ROOT,
              "The corpus '%s' changed since it was embedded: %d image(s) changed, %d vanished"
                  + " (by content hash), in %d shard(s).",
              c.name(),
              changed.size(),
              vanished.size(),
              shards.size()));
      List<Change> all = new ArrayList<>(changed);
      all.addAll(vanished);
      for (Change ch : all.subList(0, Math.min(3, all.size()))) {
        b.append("\n  ").append(ch.path()).append(": ").append(ch.what());
      }
      b.append("\nRun corpus add ")
          .append(c.name())
          .append(' ')
          .append(c.source())
          .append(" --refresh to embed those shards again.");
      return b.toString();
    }
  }

  private CorpusCheck() {}

  /** Checks every written shard of {@code store}. */
  public static Changes check(ShardStore store, Progress progress) throws IOException {
    Corpus c = store.corpus();
    List<Change> changed = new ArrayList<>();
    List<Change> vanished = new ArrayList<>();
    TreeSet<Integer> shards = new TreeSet<>();
    if (!Files.isDirectory(c.source())) {
      return new Changes(true, changed, vanished, shards);
    }
    for (int s = 0; s < store.shards(); s++) {
      progress.checkCancelled();
      if (!store.isDone(s)) {
        continue;
      }
      for (ManifestRow r : store.manifestRows(s)) {
        String what = compare(c.source(), r);
        if (what == null) {
          continue;
        }
        shards.add(s);
        (what.startsWith("gone") ? vanished : changed).add(new Change(r.row(), r.path(), what));
      }
      progress.update(STAGE, s + 1, store.shards());
    }
    return new Changes(false, changed, vanished, shards);
  }

  /** Null when the file is what the manifest says, else what differs. */
  public static String compare(Path source, ManifestRow r) throws IOException {
    Path file = source.resolve(r.path());
    if (!Files.exists(file)) {
      return r.bytes() < 0 ? null : "gone (it was embedded, now it is missing)";
    }
    if (r.bytes() < 0) {
      return "appeared (it could not be read when the corpus was embedded)";
    }
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    if (a.size() == r.bytes() && a.lastModifiedTime().toMillis() == r.modified()) {
      return null;
    }
    String now = ContentHash.of(file);
    return now.equals(r.sha256())
        ? null
        : "content changed (sha256 " + abbrev(r.sha256()) + " -> " + abbrev(now) + ")";
  }

  private static String abbrev(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
  }
}
