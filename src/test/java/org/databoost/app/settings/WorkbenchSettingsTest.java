package org.databoost.app.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the window remembers, saved and read back without the JavaFX toolkit. */
class WorkbenchSettingsTest {
  @TempDir Path tmp;

  private SettingsFile file() {
    return new SettingsFile(tmp.resolve("conf/settings.properties"));
  }

  @Test
  void everythingSavedComesBack() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a"));
    Path b = Files.createDirectories(tmp.resolve("b dataset, ünïcode"));
    WorkbenchSettings s = WorkbenchSettings.load(file());
    s.window().setBounds(40, 30.5, 1300, 820);
    s.window().setMaximized(true);
    s.window().setTab("map-tab");
    s.window().setDividers("images-split", new double[] {0.64});
    s.window().setDividers("summary-split", new double[] {0.3});
    s.window().setSort("Loss", false);
    s.recent().opened(a);
    s.recent().opened(b);
    assertTrue(s.save());

    WorkbenchSettings back = WorkbenchSettings.load(file());
    WindowLayout w = back.window();
    assertEquals(40, w.x());
    assertEquals(30.5, w.y());
    assertEquals(1300, w.width());
    assertEquals(820, w.height());
    assertTrue(w.maximized());
    assertEquals("map-tab", w.tab());
    assertArrayEquals(new double[] {0.64}, w.dividers("images-split"));
    assertArrayEquals(new double[] {0.3}, w.dividers("summary-split"));
    assertEquals("Loss", w.sortColumn());
    assertFalse(w.sortAscending());
    assertEquals(List.of(b, a), back.recent().paths());
  }

  @Test
  void noFileGivesTheDefaults() {
    WorkbenchSettings s = WorkbenchSettings.load(file());
    assertFalse(s.window().hasPosition());
    assertEquals(WindowLayout.DEFAULT_WIDTH, s.window().width());
    assertFalse(s.window().maximized());
    assertEquals("", s.window().tab());
    assertNull(s.window().dividers("images-split"));
    assertTrue(s.recent().paths().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "window.width=\\uZZZZ\n", // a broken escape: Properties.load throws
        "\u00ff\u00fe\u0000binary", // not UTF-8
      })
  void aCorruptFileGivesTheDefaultsInsteadOfACrash(String content) throws Exception {
    Path f = file().path();
    Files.createDirectories(f.getParent());
    Files.write(f, content.getBytes(StandardCharsets.ISO_8859_1));
    WorkbenchSettings s = WorkbenchSettings.load(file());
    assertEquals(WindowLayout.DEFAULT_WIDTH, s.window().width());
    assertTrue(s.recent().paths().isEmpty());
    assertTrue(s.save(), "and the next save replaces it");
    assertEquals(WindowLayout.DEFAULT_WIDTH, WorkbenchSettings.load(file()).window().width());
  }

  @Test
  void aBrokenValueFallsBackAloneAndTheRestIsKept() throws Exception {
    Path f = file().path();
    Files.createDirectories(f.getParent());
    Files.writeString(
        f,
        "window.width=wide\nwindow.height=NaN\nwindow.tab=map-tab\n"
            + "divider.images-split=0.5,2\ndivider.summary-split=0.25\n");
    WindowLayout w = WorkbenchSettings.load(file()).window();
    assertEquals(WindowLayout.DEFAULT_WIDTH, w.width());
    assertEquals(WindowLayout.DEFAULT_HEIGHT, w.height());
    assertEquals("map-tab", w.tab());
    assertNull(w.dividers("images-split"), "2 is not a fraction");
    assertArrayEquals(new double[] {0.25}, w.dividers("summary-split"));
  }

  @Test
  void aNegativeOrHugeWindowSizeIsClampedToOneThatCanBeShown() throws Exception {
    Path f = file().path();
    Files.createDirectories(f.getParent());
    Files.writeString(f, "window.width=-5\nwindow.height=1e9\n");
    WindowLayout w = WorkbenchSettings.load(file()).window();
    assertEquals(WindowLayout.MIN_WIDTH, w.width());
    assertEquals(16_384, w.height());
  }

  @Test
  void savingReplacesTheFileWholeAndLeavesNoTemporaryFiles() throws Exception {
    WorkbenchSettings s = WorkbenchSettings.load(file());
    s.window().setTab("summary-tab");
    s.save();
    s.window().setTab("map-tab");
    s.save();
    try (Stream<Path> files = Files.list(file().path().getParent())) {
      assertEquals(List.of(file().path()), files.toList());
    }
    assertEquals("map-tab", WorkbenchSettings.load(file()).window().tab());
  }

  @Test
  void aFailedSaveIsReportedNotThrown() throws Exception {
    Path blocker = Files.writeString(tmp.resolve("not-a-folder"), "x");
    WorkbenchSettings s =
        WorkbenchSettings.load(new SettingsFile(blocker.resolve("settings.properties")));
    assertFalse(s.save());
  }

  @Test
  void recentDatasetsKeepTheLastEightNewestFirstEachOnce() throws Exception {
    RecentDatasets r = new RecentDatasets();
    for (int i = 0; i < 10; i++) {
      r.opened(tmp.resolve("d" + i));
    }
    r.opened(tmp.resolve("d5/../d5")); // the same folder spelled another way moves to the front
    assertEquals(RecentDatasets.MAX, r.paths().size());
    assertEquals(tmp.resolve("d5"), r.paths().get(0));
    assertEquals(tmp.resolve("d9"), r.paths().get(1));
    assertEquals(tmp.resolve("d2"), r.paths().get(7), "d0 and d1 dropped");
  }

  @Test
  void aRecentDatasetThatWasDeletedIsMarkedMissing() throws Exception {
    Path here = Files.createDirectories(tmp.resolve("here"));
    RecentDatasets r = new RecentDatasets();
    r.opened(tmp.resolve("gone"));
    r.opened(here);
    assertEquals(
        List.of(
            new RecentDatasets.Entry(here, true),
            new RecentDatasets.Entry(tmp.resolve("gone"), false)),
        r.entries());
  }
}
