package org.databoost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.databoost.sample.SampleDatasetGenerator;
import org.databoost.sample.SampleSpec;
import org.databoost.task.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journaled edits, driven through the command line as a script would. */
class EditCommandsTest {
  @TempDir Path tmp;
  private Path data;

  @BeforeEach
  void sample() throws IOException {
    data = tmp.resolve("data");
    new SampleDatasetGenerator()
        .generate(data, SampleSpec.defaults().withPerLabel(3, 2, 1), Progress.NONE);
  }

  private String first(String folder) throws IOException {
    try (Stream<Path> s = Files.list(data.resolve(folder))) {
      return folder + "/" + s.map(p -> p.getFileName().toString()).sorted().findFirst().get();
    }
  }

  private static String name(String rel) {
    return rel.substring(rel.lastIndexOf('/') + 1);
  }

  @Test
  void relabelUndoRedoRoundTrip() throws IOException {
    String img = first("train/iv");
    CliRun run = CliRun.of("relabel", data.toString(), "--to", "vi", img);
    assertEquals(0, run.code, run.toString());
    assertTrue(run.out.contains("Relabelled 1 file (operation #1"), run.out);
    assertTrue(Files.exists(data.resolve("train/vi/" + name(img))));
    assertFalse(Files.exists(data.resolve(img)));

    assertEquals(0, CliRun.of("undo", data.toString()).code);
    assertTrue(Files.exists(data.resolve(img)));
    assertEquals(0, CliRun.of("redo", data.toString()).code);
    assertTrue(Files.exists(data.resolve("train/vi/" + name(img))));

    CliRun history = CliRun.of("history", data.toString());
    assertTrue(history.out.contains("relabel"), history.out);
    assertTrue(history.out.contains("undo"), history.out);
    assertTrue(history.out.contains("redo"), history.out);
  }

  @Test
  void deleteGoesToTheTrashAndRestoreBringsItBack() throws IOException {
    String a = first("train/x");
    String b = first("val/ii");
    CliRun run = CliRun.of("delete", data.toString(), a, b);
    assertEquals(0, run.code, run.toString());
    assertFalse(Files.exists(data.resolve(a)));
    assertTrue(Files.exists(data.resolve(".databoost/trash/1/" + a)));

    CliRun list = CliRun.of("restore", data.toString(), "--list");
    assertTrue(list.out.contains("2 files in the trash."), list.out);

    assertEquals(0, CliRun.of("restore", data.toString(), "--op", "1").code);
    assertTrue(Files.exists(data.resolve(a)));
    assertTrue(Files.exists(data.resolve(b)));
  }

  @Test
  void moveToAnotherSplitKeepsTheLabel() throws IOException {
    String img = first("train/vii");
    assertEquals(0, CliRun.of("move", data.toString(), "--to", "val", img).code);
    assertTrue(Files.exists(data.resolve("val/vii/" + name(img))));
  }

  @Test
  void filesFromReadsAListOfImages() throws IOException {
    String a = first("train/i");
    String b = first("train/ii");
    Path list = tmp.resolve("list.txt");
    Files.writeString(list, a + "\n\n" + b + "\n");
    CliRun run = CliRun.of("delete", data.toString(), "--files-from", list.toString());
    assertEquals(0, run.code, run.toString());
    assertTrue(run.out.contains("Moved 2 files to the trash"), run.out);
  }

  @Test
  void unknownImagesAndEmptyUndoAreClearFailures() {
    CliRun bad = CliRun.of("relabel", data.toString(), "--to", "v", "train/i/missing.png");
    assertEquals(ExitCodes.FAILURE, bad.code, bad.toString());
    assertTrue(bad.err.contains("train/i/missing.png"), bad.err);
    CliRun undo = CliRun.of("undo", data.toString());
    assertEquals(ExitCodes.FAILURE, undo.code);
    assertTrue(undo.out.contains("Nothing to undo."), undo.out);
  }

  @Test
  void aReadOnlyDatasetRefusesEditsWithAReason() throws IOException {
    String img = first("train/v");
    System.setProperty("databoost.readOnly", "true");
    try {
      CliRun run = CliRun.of("delete", data.toString(), img);
      assertEquals(ExitCodes.FAILURE, run.code, run.toString());
      assertTrue(run.err.contains("read-only"), run.err);
      assertTrue(Files.exists(data.resolve(img)));
    } finally {
      System.clearProperty("databoost.readOnly");
    }
  }

  @Test
  void addCopiesAFileInAndLeavesTheOriginal() throws IOException {
    Path outside = tmp.resolve("new.png");
    Files.copy(data.resolve(first("label_book/iii")), outside);
    CliRun run = CliRun.of("add", data.toString(), "--label", "iii", outside.toString());
    assertEquals(0, run.code, run.toString());
    assertTrue(Files.exists(outside));
    assertTrue(Files.exists(data.resolve("train/iii/new.png")));
  }

  @Test
  void restoreTakesTrashedFilesInTheFormTheReadmeDocumentsOneFileAtATime() throws IOException {
    String a = first("train/x");
    String b = first("val/ii");
    String c = first("train/i");
    assertEquals(0, CliRun.of("delete", data.toString(), a, b, c).code);
    String trashedA = ".databoost/trash/1/" + a;
    String trashedB = ".databoost/trash/1/" + b;
    CliRun list = CliRun.of("restore", data.toString(), "--list");
    assertTrue(list.out.contains(trashedA), list.out);

    // restore DIR TRASHED...: only the file named comes back
    CliRun one = CliRun.of("restore", data.toString(), trashedA);
    assertEquals(0, one.code, one.toString());
    assertTrue(one.out.contains("Restored 1 file"), one.out);
    assertTrue(Files.exists(data.resolve(a)));
    assertFalse(Files.exists(data.resolve(b)));
    assertTrue(Files.exists(data.resolve(trashedB)));

    // with "--" before the files, and a file given by the path it had before the delete
    CliRun two = CliRun.of("restore", data.toString(), "--", trashedB, c);
    assertEquals(0, two.code, two.toString());
    assertTrue(two.out.contains("Restored 2 files"), two.out);
    assertTrue(Files.exists(data.resolve(b)));
    assertTrue(Files.exists(data.resolve(c)));
    assertTrue(CliRun.of("restore", data.toString(), "--list").out.contains("0 files"));
  }

  @Test
  void restoreSaysWhatIsMissingOrTooMuch() {
    CliRun none = CliRun.of("restore", data.toString());
    assertEquals(ExitCodes.USAGE, none.code, none.toString());
    assertTrue(none.err.contains("--list, --op ID or the trashed files"), none.err);
    CliRun both = CliRun.of("restore", data.toString(), "--list", "x.png");
    assertEquals(ExitCodes.USAGE, both.code, both.toString());
    CliRun absent = CliRun.of("restore", data.toString(), "train/i/nothing.png");
    assertEquals(ExitCodes.FAILURE, absent.code, absent.toString());
    assertTrue(absent.err.contains("is not in the trash"), absent.err);
  }

  @Test
  void aRelabelIntoALabelFolderThatIsALinkOutsideTheDatasetIsRefused() throws IOException {
    Path evil = Files.createDirectories(tmp.resolve("outside/evil"));
    Files.createSymbolicLink(data.resolve("train/evil"), evil);
    String img = first("train/i");
    CliRun run = CliRun.of("relabel", data.toString(), "--to", "evil", "--new-label", img);
    assertEquals(ExitCodes.FAILURE, run.code, run.toString());
    assertTrue(run.err.contains("train/evil is a symbolic link"), run.err);
    assertTrue(Files.exists(data.resolve(img)));
    try (Stream<Path> s = Files.list(evil)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void aRelabelToALabelNoImageHasNeedsNewLabel() throws IOException {
    String img = first("train/iv");
    CliRun typo = CliRun.of("relabel", data.toString(), "--to", "vl", img);
    assertEquals(ExitCodes.FAILURE, typo.code, typo.toString());
    assertTrue(typo.err.contains("No image is labelled 'vl'"), typo.err);
    assertTrue(typo.err.contains("--new-label"), typo.err);
    assertTrue(Files.exists(data.resolve(img)));
    assertFalse(Files.exists(data.resolve("train/vl")));
    CliRun meant = CliRun.of("relabel", data.toString(), "--to", "xi", "--new-label", img);
    assertEquals(0, meant.code, meant.toString());
    assertTrue(Files.exists(data.resolve("train/xi/" + name(img))));
  }

  @Test
  void aFilesFromListWithAByteOrderMarkAndWindowsLineEndsIsRead() throws IOException {
    String a = first("train/i");
    String b = first("train/ii");
    Path list = tmp.resolve("bom.txt");
    Files.writeString(list, "\uFEFF" + a + "\r\n" + b + "\r\n");
    CliRun run = CliRun.of("delete", data.toString(), "--files-from", list.toString());
    assertEquals(0, run.code, run.toString());
    assertTrue(run.out.contains("Moved 2 files to the trash"), run.out);
  }

  @Test
  void exportRefusesTheCatalogAndLabelFoldersAndSaysWhy() throws IOException {
    assertEquals(0, CliRun.of("delete", data.toString(), first("train/i")).code);
    Path catalog = data.resolve(".databoost/catalog.sqlite");
    CliRun run = CliRun.of("export", data.toString(), "--out", catalog.toString());
    assertEquals(ExitCodes.FAILURE, run.code, run.toString());
    assertTrue(run.err.contains("undo history"), run.err);
    CliRun history = CliRun.of("history", data.toString());
    assertTrue(history.out.contains("delete"), history.toString());
    CliRun label =
        CliRun.of("export", data.toString(), "--out", data.resolve("train/i/r.xlsx").toString());
    assertEquals(ExitCodes.FAILURE, label.code, label.toString());
    assertTrue(label.err.contains("--force"), label.err);
    assertFalse(Files.exists(data.resolve("train/i/r.xlsx")));
  }

  @Test
  void historyMarksABoostRoundThatWasNeverRetrained() throws Exception {
    try (org.databoost.workspace.Workspace ws =
        org.databoost.workspace.Workspace.open(
            data, org.databoost.workspace.WorkspaceOptions.defaults())) {
      ws.add(
          java.util.List.of(
              org.databoost.workspace.NewImage.fromBytes(
                  Files.readAllBytes(data.resolve(first("train/i"))),
                  org.databoost.dataset.Split.TRAIN,
                  "ii",
                  "boosted.png",
                  "boost")),
          org.databoost.boost.BoostService.ROUND_PREFIX + "1: add 1 candidates for 1 errors",
          Progress.NONE);
    }
    CliRun history = CliRun.of("history", data.toString());
    assertEquals(0, history.code, history.toString());
    assertTrue(history.out.contains("(added, not retrained)"), history.out);
    assertTrue(history.out.contains("stopped before it retrained"), history.out);
  }
}
