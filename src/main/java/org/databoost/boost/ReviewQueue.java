package org.databoost.boost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.databoost.files.AtomicFileWriter;

/**
 * Corpus images Boost proposes that wait for a person, kept with the dataset's state ({@code
 * .databoost/review-queue.tsv}, replaced atomically): {@code pending} ones are shown for review,
 * {@code rejected} ones are never proposed again, {@code added} ones are in train/ through a
 * journaled edit (a review's add or an auto-accepting Boost round) whose id they keep. When that
 * edit is undone (Boost undoes a round that brought no gain; a person undoes it in the history)
 * they wait for review again, and a redo hides them again: the queue asks the journal, so no undo
 * path has to remember the queue.
 */
public final class ReviewQueue {
  public static final String FILE = "review-queue.tsv";
  private static final String HEADER =
      "status\tround\tcorpus\trow\tpath\tfile\tsha256\tserves\tloss\tsimilarity\tlabel"
          + "\tlabel_source\tconfidence";

  static final String PENDING = "pending";
  static final String REJECTED = "rejected";
  static final String ADDED = "added";

  /**
   * A queued proposal and whether it waits ({@code pending}), was {@code rejected}, or was {@code
   * added} by edit {@code op} (-1 unless added).
   */
  public record Entry(String status, long op, CorpusProposal proposal) {
    public boolean pending() {
      return status.equals(PENDING);
    }

    /** Whether it waits for review: pending, or added by an edit that is now undone. */
    boolean waiting(Set<Long> undoneOps) {
      return pending() || (status.equals(ADDED) && undoneOps.contains(op));
    }

    String statusField() {
      return status.equals(ADDED) ? ADDED + "#" + op : status;
    }
  }

  private final Path file;
  private final List<Entry> entries;

  private ReviewQueue(Path file, List<Entry> entries) {
    this.file = file;
    this.entries = entries;
  }

  /** The queue kept in a workspace's state folder (empty when there is none yet). */
  public static ReviewQueue load(Path stateDir) throws IOException {
    Path file = stateDir.resolve(FILE);
    List<Entry> entries = new ArrayList<>();
    if (Files.exists(file)) {
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line = r.readLine();
        while ((line = r.readLine()) != null) {
          if (!line.isEmpty()) {
            entries.add(parse(line));
          }
        }
      }
    }
    return new ReviewQueue(file, entries);
  }

  /** The pending proposals, in the order they were queued (added ones not counted). */
  public List<CorpusProposal> pending() {
    return pending(Set.of());
  }

  /**
   * The proposals waiting for review, in the order they were queued: the pending ones and those
   * whose add is one of {@code undoneOps} (the journal's undone edits).
   */
  public List<CorpusProposal> pending(Set<Long> undoneOps) {
    return entries.stream().filter(e -> e.waiting(undoneOps)).map(Entry::proposal).toList();
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** Rows of a corpus that a reviewer rejected. */
  public Set<Long> rejectedRows(String corpus) {
    Set<Long> out = new HashSet<>();
    for (Entry e : entries) {
      if (e.status().equals(REJECTED) && e.proposal().corpus().equals(corpus)) {
        out.add(e.proposal().row());
      }
    }
    return out;
  }

  /**
   * Replaces a corpus's waiting proposals (a new retrieval supersedes the last one, and those of
   * undone adds, which it may propose again).
   */
  public void replacePending(String corpus, List<CorpusProposal> proposals, Set<Long> undoneOps) {
    entries.removeIf(e -> e.waiting(undoneOps) && e.proposal().corpus().equals(corpus));
    for (CorpusProposal p : proposals) {
      entries.add(new Entry(PENDING, -1, p));
    }
  }

  /** Replaces a corpus's pending proposals. */
  public void replacePending(String corpus, List<CorpusProposal> proposals) {
    replacePending(corpus, proposals, Set.of());
  }

  /** Records proposals that edit {@code op} added to train/ (an auto-accepting Boost round). */
  void markAdded(List<CorpusProposal> added, long op) {
    Set<String> keys = new HashSet<>();
    added.forEach(p -> keys.add(key(p)));
    entries.removeIf(e -> keys.contains(key(e.proposal())));
    added.forEach(p -> entries.add(new Entry(ADDED, op, p)));
  }

  /**
   * Marks the accepted proposals as added by edit {@code op} (as accepted, with the reviewer's
   * label) and the rejected ones as rejected; only waiting ones change.
   */
  public void resolve(
      List<CorpusProposal> accepted, List<CorpusProposal> rejected, long op, Set<Long> undoneOps) {
    Map<String, CorpusProposal> done = new HashMap<>();
    accepted.forEach(p -> done.put(key(p), p));
    Set<String> no = new HashSet<>();
    rejected.forEach(p -> no.add(key(p)));
    List<Entry> next = new ArrayList<>();
    for (Entry e : entries) {
      String k = key(e.proposal());
      if (e.waiting(undoneOps) && done.containsKey(k)) {
        next.add(new Entry(ADDED, op, done.get(k)));
      } else if (e.waiting(undoneOps) && no.contains(k)) {
        next.add(new Entry(REJECTED, -1, e.proposal()));
      } else {
        next.add(e);
      }
    }
    entries.clear();
    entries.addAll(next);
  }

  public void save() throws IOException {
    AtomicFileWriter.write(
        file,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          w.write(HEADER + "\n");
          for (Entry e : entries) {
            CorpusProposal p = e.proposal();
            w.write(
                String.join(
                        "\t",
                        e.statusField(),
                        Integer.toString(p.round()),
                        esc(p.corpus()),
                        Long.toString(p.row()),
                        esc(p.path()),
                        esc(p.file().toString()),
                        p.sha256(),
                        esc(p.serves()),
                        Double.toString(p.loss()),
                        Float.toString(p.similarity()),
                        esc(p.label()),
                        esc(p.labelSource()),
                        Double.toString(p.confidence()))
                    + "\n");
          }
          w.flush();
        });
  }

  private static String key(CorpusProposal p) {
    return p.corpus() + "\n" + p.row();
  }

  private static Entry parse(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 13) {
      throw new IllegalArgumentException("not a review queue line: " + line);
    }
    String status = f[0];
    long op = -1;
    if (status.startsWith(ADDED + "#")) {
      op = Long.parseLong(status.substring(ADDED.length() + 1));
      status = ADDED;
    }
    return new Entry(
        status,
        op,
        new CorpusProposal(
            Integer.parseInt(f[1]),
            unesc(f[2]),
            Long.parseLong(f[3]),
            unesc(f[4]),
            Path.of(unesc(f[5])),
            f[6],
            unesc(f[7]),
            Double.parseDouble(f[8]),
            Float.parseFloat(f[9]),
            unesc(f[10]),
            unesc(f[11]),
            Double.parseDouble(f[12])));
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unesc(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
