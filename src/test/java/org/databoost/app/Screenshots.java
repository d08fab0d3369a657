package org.databoost.app;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Saves pictures of the window in tests ({@code target/screenshots/NAME.png}), so that a person can
 * look at what a flow left on the screen; Monocle cannot capture the screen, a scene snapshot can.
 */
public final class Screenshots {
  private Screenshots() {}

  /**
   * Snapshots the window of {@code scene} with every other showing window (a dialog, a menu, a
   * drop-down) drawn over it where it stands, as a person would see them; writes it; returns the
   * file.
   */
  public static Path saveWithPopups(FxRobot robot, Scene scene, String name) {
    BufferedImage[] shot = new BufferedImage[1];
    robot.interact(
        () -> {
          Window main = scene.getWindow();
          double x0 = main.getX() + scene.getX();
          double y0 = main.getY() + scene.getY();
          BufferedImage base = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
          Graphics2D g = base.createGraphics();
          for (Window w : Window.getWindows()) {
            if (w == main || !w.isShowing() || w.getScene() == null) {
              continue;
            }
            Scene s = w.getScene();
            BufferedImage over = SwingFXUtils.fromFXImage(s.snapshot(null), null);
            g.drawImage(
                over,
                (int) Math.round(w.getX() + s.getX() - x0),
                (int) Math.round(w.getY() + s.getY() - y0),
                null);
          }
          g.dispose();
          shot[0] = base;
        });
    return write(shot[0], name);
  }

  /**
   * The labelled controls under {@code root} whose text is cut off (shown with an ellipsis or
   * shortened), as "text (shown as: ...)"; empty when none.
   */
  public static List<String> clippedTexts(FxRobot robot, Parent root) {
    List<String> out = new ArrayList<>();
    robot.interact(() -> collectClipped(root, out));
    return out;
  }

  /**
   * {@link #clippedTexts} less the controls whose tooltip shows the whole text (a table cell with a
   * long file name): what a user cannot read at all.
   */
  public static List<String> clippedWithoutTooltip(FxRobot robot, Parent root) {
    List<String> out = new ArrayList<>();
    robot.interact(() -> collectClipped(root, out, true));
    return out;
  }

  private static void collectClipped(Parent parent, List<String> out) {
    collectClipped(parent, out, false);
  }

  private static void collectClipped(Parent parent, List<String> out, boolean unlessTooltip) {
    for (Node n : parent.getChildrenUnmodifiable()) {
      if (n instanceof Labeled l
          && l.isVisible()
          && l.getText() != null
          && !l.getText().isEmpty()
          && !(unlessTooltip
              && l.getTooltip() != null
              && l.getTooltip().getText() != null
              && l.getTooltip().getText().contains(l.getText()))) {
        for (Node c : l.getChildrenUnmodifiable()) {
          if (c instanceof Text t && !t.getText().equals(l.getText())) {
            out.add(l.getText() + " (shown as: " + t.getText() + ")");
          }
        }
      }
      if (n instanceof Parent p && n.isVisible()) {
        collectClipped(p, out, unlessTooltip);
      }
    }
  }

  /** Snapshots the scene on the FX thread and writes it; returns the file. */
  public static Path save(FxRobot robot, Scene scene, String name) {
    WritableImage[] shot = new WritableImage[1];
    robot.interact(() -> shot[0] = scene.snapshot(null));
    return write(SwingFXUtils.fromFXImage(shot[0], null), name);
  }

  private static Path write(BufferedImage image, String name) {
    Path out = Path.of("target", "screenshots", name + ".png");
    try {
      Files.createDirectories(out.getParent());
      ImageIO.write(image, "png", out.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
