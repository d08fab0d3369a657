package org.databoost.archfixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;

/** Breaks the architecture rules on purpose, to prove that ArchitectureTest catches it. */
public final class RogueMover {
  private RogueMover() {}

  public static void moveBehindTheJournalsBack(Path a, Path b) throws IOException {
    Files.move(a, b);
  }

  public static Label touchesJavaFx() {
    return null;
  }
}
