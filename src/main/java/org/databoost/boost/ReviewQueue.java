package org.databoost.boost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.databoost.files.AtomicFileWriter;

/**
 * Corpus images Boost proposes that wait for a person, kept with the dataset's state ({@code
 * .databoost/review-queue.tsv}, replaced atomically): {@code pending} ones are shown for review,
 * {@code rejected} ones are never proposed again. Accepted ones leave the queue; they are in train/
 * with their provenance.
 */
public final class ReviewQueue {
  public static final String FILE = "review-queue.tsv";
  private static final String HEADER =
      "status\tround\tcorpus\trow\tpath\tfile\tsha256\tserves\tloss\tsimilarity\tlabel"
          + "\tlabel_source\tconfidence";

  /** A queued proposal and whether it waits ({@code pending}) or was {@code rejected}. */
  public record Entry(String status, CorpusProposal proposal) {
    public boolean pending() {
      return status.equals("pending");
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

  /** The proposals waiting for review, in the order they were queued. */
  public List<CorpusProposal> pending() {
    return entries.stream().filter(Entry::pending).map(Entry::proposal).toList();
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** Rows of a corpus that a reviewer rejected. */
  public Set<Long> rejectedRows(String corpus) {
    Set<Long> out = new HashSet<>();
    for (Entry e : entries) {
      if (!e.pending() && e.proposal().corpus().equals(corpus)) {
        out.add(e.proposal().row());
      }
    }
    return out;
  }

  /** Replaces a corpus's pending proposals (a new retrieval supersedes the last one). */
  public void replacePending(String corpus, List<CorpusProposal> proposals) {
    entries.removeIf(e -> e.pending() && e.proposal().corpus().equals(corpus));
    for (CorpusProposal p : proposals) {
      entries.add(new Entry("pending", p));
    }
  }

  /** Takes the accepted proposals out of the queue and marks the rejected ones. */
  public void resolve(List<CorpusProposal> accepted, List<CorpusProposal> rejected) {
    Set<String> done = new HashSet<>();
    accepted.forEach(p -> done.add(key(p)));
    Set<String> no = new HashSet<>();
    rejected.forEach(p -> no.add(key(p)));
    List<Entry> next = new ArrayList<>();
    for (Entry e : entries) {
      String k = key(e.proposal());
      if (e.pending() && done.contains(k)) {
        continue;
      }
      next.add(e.pending() && no.contains(k) ? new Entry("rejected", e.proposal()) : e);
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
                        e.status(),
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
    return new Entry(
        f[0],
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
