package org.databoost;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import org.databoost.archfixture.RogueMover;
import org.databoost.files.AtomicFileWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md marked ✔, checked on the compiled main classes; the may-use
 * table is {@link DependencyTableTest}.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.databoost");
  }

  @Test
  void onlyTheAppPackageUsesJavaFx() {
    JAVAFX_ONLY_IN_APP.check(classes);
  }

  static final ArchRule JAVAFX_ONLY_IN_APP =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.databoost.app..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "org.controlsfx..", "com.sun.javafx..")
          .because("the core must run without JavaFX (docs/architecture.md)");

  @Test
  void deepLearningStaysInTrainingAndEmbedding() {
    noClasses()
        .that()
        .resideOutsideOfPackages("org.databoost.training..", "org.databoost.embedding..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("ai.djl..", "ai.onnxruntime..")
        .because("DJL and ONNX Runtime stay in the features that need them (docs/architecture.md)")
        .check(classes);
  }

  @Test
  void theIncubatorVectorApiStaysInNeighbors() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.databoost.neighbors..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jdk.incubator.vector..")
        .because("only neighbors may need the incubator module, with a scalar fallback")
        .check(classes);
  }

  @Test
  void spreadsheetsStayInReport() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.databoost.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.poi..")
        .because("POI stays in the feature that needs it (docs/architecture.md)")
        .check(classes);
  }

  @Test
  void onlyTheLauncherHasAMainAndEndsTheJvm() {
    methods()
        .that()
        .haveName("main")
        .and()
        .areStatic()
        .and()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackage("org.databoost.spark..")
        .should()
        .beDeclaredIn(Launcher.class)
        .because(
            "every benchmark and tool is a picocli command (docs/architecture.md, cli); the Spark"
                + " job's main is spark-submit's entry point in a jar of its own")
        .check(classes);
    noClasses()
        .that(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(Launcher.class)))
        .and()
        .resideOutsideOfPackage("org.databoost.spark..")
        .should()
        .callMethod(System.class, "exit", int.class)
        .because(
            "commands return exit codes; only Launcher (and the Spark job's own main) ends"
                + " the JVM")
        .check(classes);
  }

  @Test
  void onlyTheWorkspaceMovesCopiesOrDeletesFiles() {
    FILE_CHANGES_ONLY_IN_WORKSPACE.check(classes);
  }

  @Test
  void theFileRuleCatchesAViolation() {
    JavaClasses fixture = new ClassFileImporter().importClasses(RogueMover.class);
    assertThrows(AssertionError.class, () -> FILE_CHANGES_ONLY_IN_WORKSPACE.check(fixture));
    assertThrows(AssertionError.class, () -> JAVAFX_ONLY_IN_APP.check(fixture));
  }

  static final ArchRule FILE_CHANGES_ONLY_IN_WORKSPACE =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.databoost.workspace..", "org.databoost.sample..")
          .and()
          .doNotHaveFullyQualifiedName(AtomicFileWriter.class.getName())
          .and()
          .doNotHaveFullyQualifiedName("org.databoost.corpus.CorpusFiles")
          .should()
          .callMethod(Files.class, "move", Path.class, Path.class, CopyOption[].class)
          .orShould()
          .callMethod(Files.class, "delete", Path.class)
          .orShould()
          .callMethod(Files.class, "deleteIfExists", Path.class)
          .orShould()
          .callMethod(Files.class, "copy", Path.class, Path.class, CopyOption[].class)
          .orShould()
          .callMethod(File.class, "delete")
          .orShould()
          .callMethod(File.class, "renameTo", File.class)
          .because(
              "only the journaled workspace may change dataset files; the sample generator"
                  + " only builds a brand-new dataset in an empty folder");

  @Test
  void datasetReadersNeverWriteFiles() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage("org.databoost.dataset..", "org.databoost.imaging..")
            .should()
            .callConstructor(FileOutputStream.class, File.class)
            .orShould()
            .callConstructor(FileOutputStream.class, String.class)
            .orShould()
            .callConstructor(RandomAccessFile.class, File.class, String.class)
            .orShould()
            .callMethod(Files.class, "newOutputStream", Path.class, OpenOption[].class)
            .orShould()
            .callMethod(Files.class, "write", Path.class, byte[].class, OpenOption[].class)
            .because("scanning a dataset must never change it");
    rule.check(classes);
  }
}
