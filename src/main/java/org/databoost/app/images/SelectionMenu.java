package org.databoost.app.images;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;

/**
 * The context menu of a selection, in the table, the gallery and on the map: accept the
 * suggestions, keep the flagged labels, relabel, move to the trash, each as one edit, with the
 * count in the item. Rebuilt each time it opens, so the counts are those of the selection at that
 * moment.
 */
public final class SelectionMenu {
  private SelectionMenu() {}

  /**
   * @param selection the images the actions apply to, asked when the menu opens
   */
  public static ContextMenu of(ImagesViewModel model, Supplier<List<ImageItem>> selection) {
    ContextMenu menu = new ContextMenu();
    menu.setOnShowing(e -> fill(menu, model, selection.get()));
    fill(menu, model, List.of());
    return menu;
  }

  static void fill(ContextMenu menu, ImagesViewModel model, List<ImageItem> selected) {
    menu.getItems().setAll(items(model, selected));
  }

  /** The menu's items for this selection (also used by tests, which cannot open menus headless). */
  static List<MenuItem> items(ImagesViewModel model, List<ImageItem> selected) {
    int n = selected.size();
    MenuItem head = new MenuItem(n == 0 ? "No image selected" : count(n) + " selected");
    head.setDisable(true);
    long usable = selected.stream().filter(i -> i.suggestion().usable()).count();
    MenuItem accept =
        new MenuItem(
            usable == 0
                ? "Accept suggestions (none to accept)"
                : "Accept "
                    + (usable == 1 ? "the suggestion" : usable + " suggestions")
                    + "  Enter");
    accept.setId("menu-accept");
    accept.setDisable(usable == 0 || model.session().busyProperty().get());
    accept.setOnAction(e -> model.edits().acceptSuggestions(selected));
    Menu relabel = new Menu("Relabel " + (n == 1 ? "as" : count(n) + " as"));
    relabel.setId("menu-relabel");
    List<String> labels = model.labels();
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      String key = i < 9 ? "  " + (i + 1) : i == 9 ? "  0" : "";
      MenuItem to = new MenuItem(label + key);
      to.setMnemonicParsing(false);
      to.setId("menu-relabel-" + label);
      to.setOnAction(e -> model.edits().relabel(selected, label));
      relabel.getItems().add(to);
    }
    MenuItem other = new MenuItem("Another label…");
    other.setId("menu-relabel-new");
    other.setOnAction(e -> askForLabel(model, selected));
    relabel.getItems().addAll(new SeparatorMenuItem(), other);
    relabel.setDisable(n == 0 || model.session().busyProperty().get());
    MenuItem delete = new MenuItem("Move " + count(n) + " to the trash  Delete");
    delete.setId("menu-delete");
    delete.setDisable(n == 0 || model.session().busyProperty().get());
    delete.setOnAction(e -> model.edits().delete(selected));
    long open = selected.stream().filter(i -> i.flagged() && !i.editedSinceRun()).count();
    long kept = selected.stream().filter(ImageItem::keptFlag).count();
    MenuItem keep =
        new MenuItem(
            open > 0
                ? "The flag is wrong: keep the label" + (open == 1 ? "" : "s of " + open) + "  K"
                : kept > 0
                    ? "Bring back the flag" + (kept == 1 ? "" : "s of " + kept) + "  K"
                    : "Keep the label (no flag to dismiss)");
    keep.setId("menu-keep");
    keep.setDisable(open + kept == 0 || model.session().busyProperty().get());
    keep.setOnAction(e -> model.edits().keepLabels(selected));
    return List.of(head, new SeparatorMenuItem(), accept, keep, relabel, delete);
  }

  /**
   * Asks for a label by name; one that no image has yet is only created after a second question, so
   * that a typo never silently makes a new class.
   */
  private static void askForLabel(ImagesViewModel model, List<ImageItem> selected) {
    TextInputDialog ask = new TextInputDialog();
    ask.setTitle("Relabel");
    ask.setHeaderText("Relabel " + count(selected.size()) + " as:");
    ask.showAndWait()
        .ifPresent(
            typed -> model.edits().relabelByName(selected, typed, SelectionMenu::confirmNewLabel));
  }

  private static boolean confirmNewLabel(String label, List<String> known) {
    Alert confirm =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "No image is labelled '"
                + label
                + "' yet (the labels are "
                + String.join(", ", known)
                + "). Create the new label '"
                + label
                + "'?",
            ButtonType.YES,
            ButtonType.NO);
    confirm.setHeaderText("A new label");
    return confirm.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
  }

  private static String count(int n) {
    return n == 1 ? "1 image" : String.format(Locale.ROOT, "%,d images", n);
  }
}
