package org.databoost;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.databoost.archfixture.RogueMover;
import org.databoost.dataset.LayerViolationFixture;
import org.junit.jupiter.api.Test;

/**
 * The "may use" table of docs/architecture.md as one layered rule: each package of the table is a
 * layer (its sub-packages included) that may use only the layers its row names. The test reads the
 * table from the page, so the page and the rule cannot drift apart.
 */
class DependencyTableTest {
  private static final String ROOT = "org.databoost";
  private static final Path PAGE = Path.of("docs/architecture.md");

  /** The table's rows, in its order: package, what it may use. */
  static final Map<String, Set<String>> MAY_USE = mayUse();

  private static Map<String, Set<String>> mayUse() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("task", Set.of());
    m.put("files", Set.of());
    m.put("about", Set.of());
    m.put("imaging", Set.of());
    m.put("dataset", Set.of("imaging", "task"));
    m.put("workspace", Set.of("dataset", "files", "task"));
    m.put("sample", Set.of("dataset", "task"));
    m.put("training", Set.of("dataset", "imaging", "analysis", "task", "files", "bench"));
    m.put("embedding", Set.of("dataset", "imaging", "training", "sample", "task"));
    m.put(
        "evaluation",
        Set.of(
            "dataset",
            "training",
            "analysis",
            "report",
            "workspace",
            "imaging",
            "embedding",
            "neighbors",
            "sample",
            "files",
            "about",
            "task"));
    m.put("neighbors", Set.of("task", "bench"));
    m.put("analysis", Set.of());
    m.put("report", Set.of("dataset", "files", "task"));
    m.put("projection", Set.of("neighbors", "task", "bench"));
    m.put("map", Set.of("dataset", "embedding", "projection", "workspace", "task"));
    m.put(
        "similarity", Set.of("dataset", "embedding", "neighbors", "analysis", "workspace", "task"));
    m.put(
        "boost",
        Set.of(
            "corpus",
            "dataset",
            "embedding",
            "evaluation",
            "files",
            "imaging",
            "neighbors",
            "training",
            "workspace",
            "task",
            "bench"));
    m.put("corpus", Set.of("dataset", "embedding", "imaging", "neighbors", "task", "bench"));
    m.put("spark", Set.of("corpus", "embedding", "files", "task"));
    m.put(
        "autopilot",
        Set.of(
            "boost",
            "dataset",
            "embedding",
            "evaluation",
            "analysis",
            "imaging",
            "training",
            "workspace",
            "task",
            "files"));
    m.put(
        "export",
        Set.of("evaluation", "boost", "report", "workspace", "embedding", "dataset", "task"));
    m.put("bench", Set.of());
    m.put("cli", everythingBut(m, "cli", "app"));
    m.put("app", everythingBut(m, "app", "cli"));
    m.put(ROOT, Set.of("app", "cli", "files", "training"));
    return m;
  }

  /** Every feature package named so far but {@code self} and {@code excluded}. */
  private static Set<String> everythingBut(
      Map<String, Set<String>> table, String self, String excluded) {
    Set<String> all = new TreeSet<>(table.keySet());
    all.addAll(List.of("cli", "app"));
    all.removeAll(List.of(self, excluded));
    return all;
  }

  /** The table as one layered rule. */
  static LayeredArchitecture rule() {
    LayeredArchitecture rule =
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
    for (String layer : MAY_USE.keySet()) {
      rule =
          layer.equals(ROOT)
              ? rule.layer(layer).definedBy(ROOT)
              : rule.layer(layer).definedBy(ROOT + "." + layer + "..");
    }
    for (Map.Entry<String, Set<String>> row : MAY_USE.entrySet()) {
      rule =
          row.getValue().isEmpty()
              ? rule.whereLayer(row.getKey()).mayNotAccessAnyLayer()
              : rule.whereLayer(row.getKey())
                  .mayOnlyAccessLayers(row.getValue().toArray(String[]::new));
    }
    return rule.ensureAllClassesAreContainedInArchitecture();
  }

  @Test
  void everyPackageUsesOnlyWhatTheTableAllows() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    rule().because("docs/architecture.md, the may-use table").check(classes);
  }

  @Test
  void theRuleCatchesAPackageReachingPastItsRow() {
    JavaClasses fixture = new ClassFileImporter().importClasses(LayerViolationFixture.class);
    AssertionError e = assertThrows(AssertionError.class, () -> rule().check(fixture));
    assertTrue(e.getMessage().contains("org.databoost.workspace.Workspace"), e.getMessage());
  }

  @Test
  void theRuleCatchesAClassOutsideEveryPackageOfTheTable() {
    JavaClasses fixture = new ClassFileImporter().importClasses(RogueMover.class);
    assertThrows(AssertionError.class, () -> rule().check(fixture));
  }

  @Test
  void theTableOnThePageIsTheRule() throws IOException {
    assertEquals(new TreeMap<>(MAY_USE), pageTable());
  }

  /**
   * The page's table: the first code span of a row's first cell is the package, the code spans of
   * its last cell that name a package are what it may use; "everything but" inverts them.
   */
  private static Map<String, Set<String>> pageTable() throws IOException {
    List<String> lines = Files.readAllLines(PAGE);
    int header = lines.indexOf("| package | what it does | may use |");
    assertTrue(header >= 0, "no may-use table in " + PAGE);
    Pattern code = Pattern.compile("`([^`]+)`");
    Map<String, Set<String>> rows = new TreeMap<>();
    Set<String> inverted = new TreeSet<>();
    for (String line : lines.subList(header + 2, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      String[] cells = line.split("\\|");
      Matcher name = code.matcher(cells[1]);
      assertTrue(name.find(), line);
      String mayUse = cells[cells.length - 1];
      Set<String> uses = new TreeSet<>();
      Matcher used = code.matcher(mayUse);
      while (used.find()) {
        if (MAY_USE.containsKey(used.group(1))) {
          uses.add(used.group(1));
        }
      }
      rows.put(name.group(1), uses);
      if (mayUse.contains("everything but")) {
        inverted.add(name.group(1));
      }
    }
    for (String row : inverted) {
      Set<String> all = new TreeSet<>(rows.keySet());
      all.remove(ROOT);
      all.remove(row);
      all.removeAll(rows.get(row));
      rows.put(row, all);
    }
    return rows;
  }
}
