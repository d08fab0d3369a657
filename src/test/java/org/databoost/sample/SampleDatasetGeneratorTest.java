package org.databoost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.databoost.task.CancelledException;
import org.databoost.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDatasetGeneratorTest {
  private static final SampleSpec SMALL = SampleSpec.defaults().withPerLabel(6, 3, 1);

  private final SampleDatasetGenerator generator = new SampleDatasetGenerator();

  @TempDir Path tmp;

  @Test
  void sameSpecGivesByteIdenticalFiles() throws IOException {
    generator.generate(tmp.resolve("a"), SMALL, Progress.NONE);
    generator.generate(tmp.resolve("b"), SMALL, Progress.NONE);

    Map<String, byte[]> a = contents(tmp.resolve("a"));
    Map<String, byte[]> b = contents(tmp.resolve("b"));
    assertEquals(a.keySet(), b.keySet());
    for (String path : a.keySet()) {
      assertArrayEquals(a.get(path), b.get(path), path);
    }
  }

  @Test
  void anotherSeedGivesOtherImages() throws IOException {
    generator.generate(tmp.resolve("a"), SMALL, Progress.NONE);
    generator.generate(tmp.resolve("b"), SMALL.withSeed(7), Progress.NONE);

    List<byte[]> a = new ArrayList<>(contents(tmp.resolve("a")).values());
    List<byte[]> b = new ArrayList<>(contents(tmp.resolve("b")).values());
    long identical = a.stream().filter(x -> b.stream().anyMatch(y -> Arrays.equals(x, y))).count();
    assertEquals(0, identical);
  }

  @Test
  void writesOneFolderPerLabelInEachSplitWithTheRequestedCounts() throws IOException {
    Path root = tmp.resolve("sample");
    generator.generate(root, SMALL, Progress.NONE);

    Map<String, Integer> perSplit = Map.of("train", 6, "val", 3, "label_book", 1);
    for (var split : perSplit.entrySet()) {
      List<String> labels = listNames(root.resolve(split.getKey()));
      assertEquals(SampleLabels.ALL.stream().sorted().toList(), labels, split.getKey());
      for (String label : labels) {
        List<String> files = listNames(root.resolve(split.getKey()).resolve(label));
        assertEquals(split.getValue(), files.size(), split.getKey() + "/" + label);
        assertTrue(files.stream().allMatch(f -> f.endsWith(".png")), files::toString);
      }
    }
    assertEquals(List.of("label_book", SampleTruth.FILE_NAME, "train", "val"), listNames(root));
  }

  @Test
  void generatesIntoAnExistingEmptyFolder() throws IOException {
    Path root = Files.createDirectory(tmp.resolve("empty"));

    SampleTruth truth = generator.generate(root, SMALL, Progress.NONE);

    assertEquals(SMALL.totalImages(), truth.entries().size());
    assertEquals(List.of("empty"), listNames(tmp));
  }

  @Test
  void refusesANonEmptyFolderAndLeavesItAlone() throws IOException {
    Path root = Files.createDirectory(tmp.resolve("busy"));
    Files.writeString(root.resolve("notes.txt"), "mine");

    FileAlreadyExistsException e =
        assertThrows(
            FileAlreadyExistsException.class, () -> generator.generate(root, SMALL, Progress.NONE));

    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    assertEquals(List.of("notes.txt"), listNames(root));
    assertEquals(List.of("busy"), listNames(tmp));
  }

  @Test
  void refusesATargetThatIsAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("sample"), "x");

    assertThrows(
        FileAlreadyExistsException.class, () -> generator.generate(file, SMALL, Progress.NONE));
    assertEquals("x", Files.readString(file));
  }

  @Test
  void cancellingMidwayLeavesNothingBehind() {
    Path root = tmp.resolve("sample");
    Progress cancelAfter20 = new CancellingProgress(20);

    assertThrows(CancelledException.class, () -> generator.generate(root, SMALL, cancelAfter20));

    assertFalse(Files.exists(root));
    assertEquals(List.of(), listNames(tmp));
  }

  @Test
  void reportsProgressUpToTheTotal() throws IOException {
    AtomicLong last = new AtomicLong(-1);
    AtomicLong total = new AtomicLong();
    Progress recorder =
        new Progress() {
          @Override
          public void update(String stage, long done, long all) {
            assertTrue(done >= last.get(), "progress never goes back");
            last.set(done);
            total.set(all);
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };

    generator.generate(tmp.resolve("sample"), SMALL, recorder);

    assertEquals(SMALL.totalImages(), total.get());
    assertEquals(SMALL.totalImages(), last.get());
  }

  @Test
  void namesDoNotRevealTheTruth() throws IOException {
    SampleTruth truth = generator.generate(tmp.resolve("sample"), SMALL, Progress.NONE);

    for (SampleTruth.Entry e : truth.entries()) {
      String name = Path.of(e.path()).getFileName().toString();
      assertTrue(name.matches("[0-9a-f]{16}\\.png"), name);
    }
    assertNotEquals(0, truth.count(SampleKind.JUNK));
  }

  /** Asks to stop once {@code limit} images are done. */
  private static final class CancellingProgress implements Progress {
    private final long limit;
    private long done;

    CancellingProgress(long limit) {
      this.limit = limit;
    }

    @Override
    public void update(String stage, long done, long total) {
      this.done = done;
    }

    @Override
    public boolean isCancelled() {
      return done >= limit;
    }
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private static List<String> listNames(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
