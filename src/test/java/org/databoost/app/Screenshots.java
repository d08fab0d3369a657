package org.databoost.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Saves pictures of the window in tests ({@code target/screenshots/NAME.png}), so that a person can
 * look at what a flow left on the screen; Monocle cannot capture the screen, a scene snapshot can.
 */
public final class Screenshots {
  private Screenshots() {}

  /** Snapshots the scene on the FX thread and writes it; returns the file. */
  public static Path save(FxRobot robot, Scene scene, String name) {
    WritableImage[] shot = new WritableImage[1];
    robot.interact(() -> shot[0] = scene.snapshot(null));
    Path out = Path.of("target", "screenshots", name + ".png");
    try {
      Files.createDirectories(out.getParent());
      ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
