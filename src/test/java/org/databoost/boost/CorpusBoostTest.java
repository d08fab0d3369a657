package org.databoost.boost;

import static org.databoost.workspace.Fixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.databoost.corpus.Corpus;
import org.databoost.corpus.CorpusEmbedding;
import org.databoost.corpus.CorpusException;
import org.databoost.corpus.CorpusRegistry;
import org.databoost.corpus.DiskSpace;
import org.databoost.dataset.ContentHash;
import org.databoost.dataset.DatasetScanner;
import org.databoost.embedding.Embedder;
import org.databoost.embedding.Embedders;
import org.databoost.embedding.RawPixelEmbedder;
import org.databoost.sample.NumeralCorpusGenerator;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.databoost.training.TrainingConfig;
import org.databoost.workspace.ImageRow;
import org.databoost.workspace.ReadOnlyDatasetException;
import org.databoost.workspace.Workspace;
import org.databoost.workspace.WorkspaceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boost from a corpus on a tiny generated dataset and a tiny generated corpus. */
class CorpusBoostTest {
  @TempDir Path tmp;

  private static final TrainingConfig TINY =
      TrainingConfig.quick().withEpochs(2).withThreads(1).withBatchSize(16);

  /** 60 train + 30 val images; the budget leaves room for 24 more. */
  private static BoostOptions options() {
    return new BoostOptions(1500, 3, 1, 114, "glyph", TINY, false, false, 5, 0.99f, 1.0);
  }

  private Path sample() throws Exception {
    Path data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(6, 3, 1), Progress.NONE);
    return data;
  }

  private Workspace open(Path data) throws Exception {
    return Workspace.open(data, WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")));
  }

  /** 200 rendered numerals in label folders, registered with the given labels and embedded. */
  private Corpus corpus(String name, String labels, Embedder embedder) throws Exception {
    Path images = tmp.resolve("corpus-images");
    new NumeralCorpusGenerator(32, 64).generate(images, 200, 11, 2, Progress.NONE);
    Corpus c =
        new CorpusRegistry(tmp.resolve("corpora"))
            .add(name, images, CorpusRegistry.Labels.parse(labels), 64, Progress.NONE);
    new CorpusEmbedding(DiskSpace.REAL).run(c, embedder, false, Progress.NONE);
    return c;
  }

  private Corpus glyphCorpus(String name, String labels) throws Exception {
    try (Embedder e = Embedders.byName("glyph")) {
      return corpus(name, labels, e);
    }
  }

  @Test
  void aLabelledCorpusQueuesItsImagesWithTheirOwnLabelsAndAReviewAddsThemAsOneUndoableEdit()
      throws Exception {
    Path data = sample();
    Corpus c = glyphCorpus("rendered", "auto");
    assertTrue(c.labelled());
    Map<String, String> before = tree(data);
    Map<String, String> corpusBefore = tree(c.source());
    try (Workspace ws = open(data)) {
      BoostReport report =
          new BoostService(new DatasetScanner())
              .boost(ws, options(), new CorpusSource(c, OptionalDouble.empty()), Progress.NONE);
      // Without --auto-accept-above nothing is added: everything waits for review.
      assertTrue(report.rounds().isEmpty(), report.stopReason());
      assertTrue(report.queued() > 0, report.stopReason());
      assertEquals(before, tree(data), "nothing added before review");
      List<CorpusProposal> queued = CorpusReview.pending(ws);
      assertEquals(report.queued(), queued.size());
      assertTrue(queued.size() <= 24, "within the budget: " + queued.size());
      for (CorpusProposal p : queued) {
        assertEquals("rendered", p.corpus());
        assertEquals(CorpusProposal.FROM_CORPUS, p.labelSource());
        assertEquals(1.0, p.confidence());
        assertEquals(p.path().substring(0, p.path().indexOf('/')), p.label(), "its folder");
        assertEquals(ContentHash.of(p.file()), p.sha256());
        assertTrue(p.serves().startsWith("val/"), p.serves());
        assertTrue(p.similarity() > 0 && p.similarity() <= 1.0001f, "" + p.similarity());
      }

      // Review: accept one, relabel one, reject one.
      CorpusProposal keep = queued.get(0);
      CorpusProposal other = queued.get(1);
      String newLabel = other.label().equals("x") ? "v" : "x";
      CorpusProposal relabelled = other.relabelled(newLabel);
      CorpusProposal reject = queued.get(2);
      long opId =
          CorpusReview.apply(ws, List.of(keep, relabelled), List.of(reject), Progress.NONE)
              .orElseThrow()
              .opId();
      Path added = data.resolve("train").resolve(keep.label()).resolve(keep.fileName());
      Path added2 = data.resolve("train").resolve(newLabel).resolve(other.fileName());
      assertEquals(keep.sha256(), ContentHash.of(added), "a byte-for-byte copy");
      assertEquals(other.sha256(), ContentHash.of(added2));
      // Provenance round trip: the catalog keeps what the queue said.
      Map<String, String> provenance = new java.util.HashMap<>();
      for (ImageRow r : ws.images()) {
        r.provenance().ifPresent(p -> provenance.put(r.path(), p));
      }
      String prov = provenance.get("train/" + keep.label() + "/" + keep.fileName());
      assertEquals(keep.provenance(), prov);
      assertTrue(BoostService.isBoostProvenance(prov), prov);
      for (String part :
          List.of("corpus rendered", keep.path(), keep.sha256(), keep.serves(), "similarity")) {
        assertTrue(prov.contains(part), part + " in " + prov);
      }
      String prov2 = provenance.get("train/" + newLabel + "/" + other.fileName());
      assertTrue(
          prov2.contains("label " + newLabel + " by reviewer (proposed " + other.label()), prov2);

      ReviewQueue queue = ReviewQueue.load(ws.stateDir());
      assertEquals(queued.size() - 3, queue.pending().size());
      assertEquals(java.util.Set.of(reject.row()), queue.rejectedRows("rendered"));
      assertEquals(queued.subList(3, queued.size()), queue.pending(), "the rest, as queued");

      // A rejected image is not proposed again.
      BoostReport again =
          new BoostService(new DatasetScanner())
              .boost(ws, options(), new CorpusSource(c, OptionalDouble.empty()), Progress.NONE);
      assertTrue(again.queued() > 0);
      for (CorpusProposal p : CorpusReview.pending(ws)) {
        assertFalse(p.row() == reject.row() || p.row() == keep.row(), "row " + p.row());
      }

      List<Long> waitingBefore =
          CorpusReview.pending(ws).stream().map(CorpusProposal::row).toList();
      assertFalse(waitingBefore.contains(keep.row()), "added: no longer waiting");
      ws.undo(opId);
      // The person undid the review's add: its two images wait for review again, as decided.
      List<CorpusProposal> back = CorpusReview.pending(ws);
      assertEquals(waitingBefore.size() + 2, back.size());
      assertTrue(back.contains(keep), "accepted as proposed");
      assertTrue(back.contains(relabelled), "with the reviewer's label");
      ws.redo();
      assertEquals(
          waitingBefore, CorpusReview.pending(ws).stream().map(CorpusProposal::row).toList());
      ws.undo(opId);
    }
    assertEquals(before, tree(data), "undo restores every byte");
    assertEquals(corpusBefore, tree(c.source()), "the corpus is never changed");
  }

  @Test
  void anUnlabelledCorpusGetsTheJudgesLabelAndAutoAcceptAddsExactlyTheConfidentImages()
      throws Exception {
    Path data = sample();
    Corpus c = glyphCorpus("unlabelled", "none");
    assertFalse(c.labelled());
    Map<String, String> before = tree(data);
    try (Workspace ws = open(data)) {
      BoostService boost = new BoostService(new DatasetScanner());
      // First every proposal with its confidence, queued; the second run reuses that baseline.
      boost.boost(ws, options(), new CorpusSource(c, OptionalDouble.empty()), Progress.NONE);
      List<CorpusProposal> all = CorpusReview.pending(ws);
      assertTrue(all.size() >= 4, "proposals: " + all.size());
      for (CorpusProposal p : all) {
        // Both judges: the vote and the baseline model (agreeing, or one of them named as the
        // dissenter).
        assertTrue(
            p.labelSource().startsWith(CorpusProposal.FROM_KNN + " ")
                || p.labelSource().startsWith(CorpusProposal.FROM_MODEL + " ("),
            p.labelSource());
        assertTrue(p.labelSource().contains(CorpusProposal.FROM_MODEL), p.labelSource());
        assertTrue(p.confidence() > 0 && p.confidence() <= 1, "" + p.confidence());
      }
      double[] conf = all.stream().mapToDouble(CorpusProposal::confidence).sorted().toArray();
      double q = conf[conf.length / 2];
      assertTrue(conf[0] < q, "the vote's confidences differ: " + java.util.Arrays.toString(conf));
      java.util.Set<Long> confident = new java.util.HashSet<>();
      java.util.Set<Long> unsure = new java.util.HashSet<>();
      all.forEach(p -> (p.confidence() >= q ? confident : unsure).add(p.row()));

      BoostReport report =
          boost.boost(ws, options(), new CorpusSource(c, OptionalDouble.of(q)), Progress.NONE);
      assertFalse(report.baselineTrained(), "same files, same settings: the same baseline");
      assertEquals(1, report.rounds().size(), report.stopReason());
      RoundReport round = report.rounds().get(0);
      java.util.Set<Long> waiting = new java.util.HashSet<>();
      for (CorpusProposal p : CorpusReview.pending(ws)) {
        waiting.add(p.row());
        // This run reused the baseline: its kept model (LatestModel) judged as in the first run.
        assertTrue(p.labelSource().contains(CorpusProposal.FROM_MODEL), p.labelSource());
      }
      java.util.Set<Long> expected = new java.util.HashSet<>(unsure);
      if (!round.kept()) {
        expected.addAll(confident); // the round was undone: its added images wait again
      }
      assertEquals(expected, waiting, "those below Q wait (and the added ones if undone)");
      assertEquals(confident.size(), round.added(), "those at or above Q are added");
      java.util.Map<String, String> params = ws.runs().latest().orElseThrow().parameters();
      assertEquals("unlabelled", params.get("boost.corpus"), params.toString());
      assertEquals("200", params.get("boost.candidates"));
      assertFalse(params.containsKey("boost.augmenter"), "no augmentation pool was used");
      List<ImageRow> added =
          ws.images().stream().filter(r -> r.provenance().isPresent() && !r.trashed()).toList();
      if (round.kept()) {
        assertEquals(round.added(), added.size());
        for (ImageRow r : added) {
          String p = r.provenance().get();
          // The reused baseline's kept model judged too (LatestModel), as in the first run.
          String source = p.replaceAll(".*; label \\S+ by (.*), confidence .*", "$1");
          assertTrue(
              source.contains(CorpusProposal.FROM_KNN)
                  && source.contains(CorpusProposal.FROM_MODEL),
              p);
          long row = Long.parseLong(p.replaceAll(".*: corpus unlabelled row (\\d+) .*", "$1"));
          assertTrue(confident.contains(row), p);
          assertTrue(r.path().startsWith("train/"), r.path());
        }
        ws.undo(round.opId());
      } else {
        assertTrue(added.isEmpty(), "an undone round leaves nothing");
        assertTrue(
            report.stopReason().contains("wait in the review queue again"), report.stopReason());
        assertEquals(all.size(), report.queued());
      }
      // Undone by Boost (no gain) or by the person (above): the auto-accepted images wait again.
      java.util.Set<Long> everyone = new java.util.HashSet<>(confident);
      everyone.addAll(unsure);
      java.util.Set<Long> back = new java.util.HashSet<>();
      CorpusReview.pending(ws).forEach(p -> back.add(p.row()));
      assertEquals(everyone, back);
    }
    assertEquals(before, tree(data), "undo restores every byte");
  }

  @Test
  void aRoundCancelledWhileRetrainingPutsItsAutoAcceptedImagesBackInTheQueue() throws Exception {
    Path data = sample();
    Corpus c = glyphCorpus("rendered", "auto");
    Map<String, String> before = tree(data);
    Progress cancelAfterWrite =
        new Progress() {
          private volatile boolean written;

          @Override
          public void update(String stage, long done, long total) {
            if (stage.equals(BoostService.WRITE_STAGE) && total > 0 && done == total) {
              written = true;
            }
          }

          @Override
          public boolean isCancelled() {
            return written;
          }
        };
    try (Workspace ws = open(data)) {
      // Confidence 1 for a labelled corpus's own labels: every proposal is added at once.
      assertThrows(
          CancelledException.class,
          () ->
              new BoostService(new DatasetScanner())
                  .boost(
                      ws,
                      options(),
                      new CorpusSource(c, OptionalDouble.of(1.0)),
                      cancelAfterWrite));
      assertEquals(before, tree(data), "the round's add was undone");
      org.databoost.workspace.HistoryEntry round =
          ws.history().stream()
              .filter(h -> h.description().startsWith(BoostService.ROUND_PREFIX))
              .findFirst()
              .orElseThrow();
      assertTrue(round.undone());
      List<CorpusProposal> back = CorpusReview.pending(ws);
      assertEquals(round.fileCount(), back.size(), "every image of the undone add waits again");
      back.forEach(p -> assertEquals(CorpusProposal.FROM_CORPUS, p.labelSource()));
    }
  }

  @Test
  void aCorpusOfAnotherEmbedderAChangedCorpusAndAReadOnlyDatasetAreRefusedBeforeAnyWork()
      throws Exception {
    Path data = sample();
    Map<String, String> before = tree(data);
    Corpus raw = corpus("raw", "auto", new RawPixelEmbedder());
    try (Workspace ws = open(data)) {
      CorpusException e =
          assertThrows(
              CorpusException.class,
              () ->
                  new BoostService(new DatasetScanner())
                      .boost(
                          ws,
                          options(),
                          new CorpusSource(raw, OptionalDouble.of(0)),
                          Progress.NONE));
      assertTrue(e.getMessage().contains("not with glyph-v3"), e.getMessage());
      assertTrue(ws.runs().latest().isEmpty(), "no model was trained");
    }
    Corpus glyph;
    try (Embedder g = Embedders.byName("glyph")) {
      new CorpusEmbedding(DiskSpace.REAL).run(raw, g, false, Progress.NONE);
      glyph = raw;
    }
    Path victim = glyph.source().resolve(NumeralCorpusGenerator.path(7));
    Files.write(victim, new byte[] {1, 2, 3});
    try (Workspace ws = open(data)) {
      CorpusException e =
          assertThrows(
              CorpusException.class,
              () ->
                  new BoostService(new DatasetScanner())
                      .boost(
                          ws,
                          options(),
                          new CorpusSource(glyph, OptionalDouble.of(0)),
                          Progress.NONE));
      assertTrue(e.getMessage().contains("changed since it was embedded"), e.getMessage());
      assertTrue(e.getMessage().contains("Nothing was added"), e.getMessage());
      assertTrue(ws.runs().latest().isEmpty(), "no model was trained");
    }
    try (Workspace ws =
        Workspace.open(
            data,
            WorkspaceOptions.defaults().withDataDir(tmp.resolve("home")).withReadOnly(true))) {
      assertThrows(
          ReadOnlyDatasetException.class,
          () ->
              new BoostService(new DatasetScanner())
                  .boost(
                      ws, options(), new CorpusSource(glyph, OptionalDouble.of(0)), Progress.NONE));
    }
    assertEquals(before, tree(data));
  }

  @Test
  void aCancelledOrRefusedReviewAddsNothingAndKeepsTheQueue() throws Exception {
    Path data = sample();
    Corpus c = glyphCorpus("rendered", "auto");
    Map<String, String> before = tree(data);
    try (Workspace ws = open(data)) {
      new BoostService(new DatasetScanner())
          .boost(ws, options(), new CorpusSource(c, OptionalDouble.empty()), Progress.NONE);
      List<CorpusProposal> queued = CorpusReview.pending(ws);
      assertTrue(queued.size() >= 2);
      Progress cancelled =
          new Progress() {
            @Override
            public void update(String stage, long done, long total) {}

            @Override
            public boolean isCancelled() {
              return true;
            }
          };
      assertThrows(
          CancelledException.class, () -> CorpusReview.apply(ws, queued, List.of(), cancelled));
      assertEquals(before, tree(data), "a cancelled add leaves nothing half-added");
      assertEquals(queued, CorpusReview.pending(ws));

      // A corpus file that changed after the queue was made: refused, nothing added.
      Files.write(queued.get(1).file(), new byte[] {9, 9, 9});
      CorpusException e =
          assertThrows(
              CorpusException.class,
              () -> CorpusReview.apply(ws, queued.subList(0, 2), List.of(), Progress.NONE));
      assertTrue(e.getMessage().contains("nothing was added"), e.getMessage());
      assertEquals(before, tree(data));
      assertEquals(queued, CorpusReview.pending(ws));
    }
  }

  @Test
  void theQueueKeepsEveryFieldThroughItsFile() throws Exception {
    List<CorpusProposal> ps = new ArrayList<>();
    ps.add(
        new CorpusProposal(
            2,
            "c",
            41,
            "a\tb/x y.png",
            tmp.resolve("a\tb/x y.png"),
            "ab12",
            "val/i/1.png",
            1.25,
            0.875f,
            "iv",
            CorpusProposal.FROM_KNN,
            0.6));
    ps.add(ps.get(0).relabelled("v"));
    ReviewQueue q = ReviewQueue.load(tmp);
    q.replacePending("c", ps);
    q.save();
    assertEquals(ps, ReviewQueue.load(tmp).pending());
  }
}
