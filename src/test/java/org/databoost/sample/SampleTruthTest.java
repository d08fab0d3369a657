package org.databoost.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.databoost.task.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer key matches the files on disk and holds the promised share of label errors. */
class SampleTruthTest {
  private static final SampleSpec SPEC = SampleSpec.defaults().withPerLabel(25, 10, 2);

  @TempDir static Path tmp;
  private static Path root;
  private static SampleTruth returned;

  @BeforeAll
  static void generate() throws IOException {
    root = tmp.resolve("sample");
    returned = new SampleDatasetGenerator().generate(root, SPEC, Progress.NONE);
  }

  @Test
  void fileOnDiskEqualsTheReturnedTruth() throws IOException {
    assertEquals(returned, SampleTruth.read(root.resolve(SampleTruth.FILE_NAME)));
  }

  @Test
  void listsEveryImageExactlyOnce() throws IOException {
    Set<String> onDisk = new HashSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> p.toString().endsWith(".png"))
          .forEach(p -> onDisk.add(root.relativize(p).toString().replace('\\', '/')));
    }
    List<String> listed = returned.entries().stream().map(SampleTruth.Entry::path).toList();

    assertEquals(listed.size(), new HashSet<>(listed).size(), "no path listed twice");
    assertEquals(onDisk, new HashSet<>(listed));
  }

  @Test
  void givenLabelIsTheFolderAndKindsAreConsistent() {
    for (SampleTruth.Entry e : returned.entries()) {
      String[] parts = e.path().split("/");
      assertEquals(parts[1], e.givenLabel(), e.path());
      switch (e.kind()) {
        case CLEAN -> assertEquals(e.givenLabel(), e.trueLabel(), e.path());
        case MISLABELED -> {
          assertNotEquals(e.givenLabel(), e.trueLabel(), e.path());
          assertTrue(SampleLabels.ALL.contains(e.trueLabel()), e.path());
        }
        case JUNK -> {
          assertEquals(SampleTruth.JUNK_LABEL, e.trueLabel(), e.path());
          assertEquals("train", parts[0], "junk only in train: " + e.path());
        }
      }
    }
  }

  @Test
  void trainHasTheRequestedShareOfWrongLabelsAndJunk() {
    List<SampleTruth.Entry> train = inSplit("train");
    long wrong = train.stream().filter(e -> e.kind() == SampleKind.MISLABELED).count();

    assertEquals(SPEC.wrongLabelFraction(), (double) wrong / train.size(), 0.01);
    assertEquals(SPEC.junkCount(), train.stream().filter(e -> e.kind() == SampleKind.JUNK).count());
  }

  @Test
  void valHasAFewWrongLabelsAndTheLabelBookNone() {
    long valWrong = inSplit("val").stream().filter(e -> e.kind() == SampleKind.MISLABELED).count();
    assertEquals(SPEC.valMislabelCount(), valWrong);
    assertTrue(valWrong > 0);
    assertTrue(inSplit("label_book").stream().allMatch(e -> e.kind() == SampleKind.CLEAN));
  }

  @Test
  void mostWrongLabelsAreConfusableNumerals() {
    List<SampleTruth.Entry> wrong =
        returned.entries().stream().filter(e -> e.kind() == SampleKind.MISLABELED).toList();
    long confusable =
        wrong.stream()
            .filter(e -> SampleLabels.confusableWith(e.givenLabel()).contains(e.trueLabel()))
            .count();
    assertTrue(confusable >= wrong.size() * 0.6, confusable + " of " + wrong.size());
  }

  @Test
  void readingRejectsAFileWithoutTheHeader(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("t.csv"), "a,b,c,d\n");
    assertThrows(IOException.class, () -> SampleTruth.read(file));
  }

  @Test
  void readingRejectsAnUnknownKind(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("t.csv"), "path,given_label,true_label,kind\ntrain/i/a.png,i,i,odd\n");
    IOException e = assertThrows(IOException.class, () -> SampleTruth.read(file));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  private static List<SampleTruth.Entry> inSplit(String split) {
    return returned.entries().stream().filter(e -> e.path().startsWith(split + "/")).toList();
  }
}
