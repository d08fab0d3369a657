package org.databoost.app.images;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MultipleSelectionModel;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.databoost.app.common.ThumbnailLoader;

/**
 * The gallery: the table's rows (same filters, same sort) as a grid of large thumbnails whose size
 * a slider sets. It shares the table's selection, so the viewer, the keys and the batch actions
 * work the same in both: click, Ctrl+click and Shift+click select, the arrow keys move. Only the
 * visible rows of tiles exist (a list of rows underneath), so 100K images scroll like 100; their
 * thumbnails are decoded off the FX thread, only for tiles that stay in view ({@link
 * ThumbnailLoader}).
 */
final class ImageGallery {
  static final double MIN_TILE = 64;
  static final double MAX_TILE = 320;
  private static final double GAP = 6;

  /** Decoded thumbnails kept: about 750 at 128 px, 80 at 320 px (some pages of tiles). */
  private static final long CACHE_BYTES = 48L << 20;

  /** Buffers of thumbnails that left the cache, kept for the next decodes. */
  private static final long IDLE_BYTES = 8L << 20;

  /**
   * A tile's thumbnail is decoded once the tile has shown the same image this long, about five
   * frames: tiles that a fast scroll carries past are never read, and a pause shows them at once.
   */
  private static final long SETTLE_MILLIS = 80;

  /** The list cell's padding, the tile's padding and border, the gap above the caption. */
  private static final double ROW_CHROME = 2 * 3 + 2 * 3 + 2 * 2 + 2;

  /** The caption's line at the style sheet's 11 px, measured once. */
  private static final double CAPTION_HEIGHT = captionHeight();

  private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
  private static final PseudoClass FLAGGED = PseudoClass.getPseudoClass("flagged");
  private static final PseudoClass RESOLVED = PseudoClass.getPseudoClass("resolved");

  private final ImagesViewModel model;
  private final Supplier<Path> datasetRoot;
  private final MultipleSelectionModel<ImageItem> selection;
  private final ListView<Integer> list = new ListView<>();
  private final ObservableList<Integer> rowIndexes = FXCollections.observableArrayList();
  private final DoubleProperty tile = new SimpleDoubleProperty(128);
  private final TilePixels.Pool buffers = new TilePixels.Pool(IDLE_BYTES);
  private final ThumbnailLoader<TilePixels> thumbnails;
  private int perRow = 1;
  private int anchor = -1;

  ImageGallery(ImagesViewModel model, Supplier<Path> datasetRoot, TableView<ImageItem> table) {
    this.model = model;
    this.datasetRoot = datasetRoot;
    this.selection = table.getSelectionModel();
    this.thumbnails =
        new ThumbnailLoader<>(
            this::decode,
            p -> p.pixels().capacity(),
            CACHE_BYTES,
            SETTLE_MILLIS,
            Platform::runLater,
            p -> buffers.give(p.pixels()));
  }

  ListView<Integer> build() {
    list.setId("image-gallery");
    list.setItems(rowIndexes);
    list.setPlaceholder(new Label("No images to show: the filters above let none through."));
    list.setCellFactory(l -> new TileRow());
    list.getStyleClass().add("gallery");
    model.rows().addListener((ListChangeListener<ImageItem>) c -> regroup());
    list.widthProperty().addListener(o -> regroup());
    tile.addListener(
        o -> {
          thumbnails.clear();
          regroup();
          list.refresh();
        });
    selection.getSelectedIndices().addListener((ListChangeListener<Integer>) c -> list.refresh());
    list.addEventFilter(KeyEvent.KEY_PRESSED, this::onArrow);
    list.setContextMenu(SelectionMenu.of(model, () -> List.copyOf(selection.getSelectedItems())));
    regroup();
    return list;
  }

  /** The tile size in pixels, {@value #MIN_TILE} to {@value #MAX_TILE}. */
  DoubleProperty tileSizeProperty() {
    return tile;
  }

  boolean isFocused() {
    return list.isFocused();
  }

  /** Scrolls to the row holding this table index. */
  void reveal(int index) {
    if (index >= 0 && perRow > 0) {
      list.scrollTo(Math.max(0, index / perRow - 1));
    }
  }

  private void regroup() {
    // Every row of tiles is as tall as the next: a fixed size spares the list from measuring rows
    // to estimate its length, which otherwise fills each scroll step of 100K images.
    list.setFixedCellSize(tile.get() + CAPTION_HEIGHT + ROW_CHROME);
    double width = list.getWidth() > 0 ? list.getWidth() - 20 : 800;
    perRow = Math.max(1, (int) ((width + GAP) / (tile.get() + GAP)));
    int rows = (model.rows().size() + perRow - 1) / perRow;
    if (rows != rowIndexes.size()) {
      rowIndexes.setAll(IntStream.range(0, rows).boxed().toList());
    } else {
      list.refresh();
    }
  }

  private static double captionHeight() {
    Text line = new Text("Ag → ix");
    line.setFont(Font.font(Font.getDefault().getFamily(), 11));
    return Math.ceil(line.getLayoutBounds().getHeight()) + 1;
  }

  /** The key of a thumbnail: its size and the image file, so another dataset's are other keys. */
  private static String keyOf(double size, Path file) {
    return (int) size + ":" + file;
  }

  /** Reads and scales one thumbnail on the loader's thread; null when the file is unreadable. */
  private TilePixels decode(String key) {
    int colon = key.indexOf(':');
    int size = Integer.parseInt(key.substring(0, colon));
    return TilePixels.decode(Path.of(key.substring(colon + 1)), size, buffers);
  }

  private void onArrow(KeyEvent e) {
    int step =
        switch (e.getCode()) {
          case LEFT -> -1;
          case RIGHT -> 1;
          case UP -> -perRow;
          case DOWN -> perRow;
          default -> 0;
        };
    if (step == 0 || model.rows().isEmpty()) {
      return;
    }
    if (selection.getSelectedIndex() < 0) {
      // Nothing selected yet (or a click fell between tiles): the first key picks the first tile
      // in view, where the user is looking, and the gallery stays where it is.
      int first = firstTileInView();
      selection.clearAndSelect(first);
      anchor = first;
      e.consume();
      return;
    }
    int from = selection.getSelectedIndex();
    int to = Math.max(0, Math.min(model.rows().size() - 1, from + step));
    if (e.isShiftDown()) {
      selection.selectRange(Math.min(from, to), Math.max(from, to) + 1);
    } else {
      selection.clearAndSelect(to);
    }
    anchor = to;
    list.scrollTo(Math.max(0, to / perRow - 1));
    e.consume();
  }

  /**
   * The table index of the first tile of the first row wholly in view (0 before the list is shown).
   */
  private int firstTileInView() {
    if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
      IndexedCell<?> top = flow.getFirstVisibleCell();
      if (top != null && top.getIndex() >= 0) {
        // A row cut off at the top is hardly seen: the next one, when there is one.
        int row = top.getIndex() + (top.getLayoutY() < -1 ? 1 : 0);
        return Math.min(model.rows().size() - 1, Math.min(row, rowIndexes.size() - 1) * perRow);
      }
    }
    return 0;
  }

  private void click(int index, MouseEvent e) {
    list.requestFocus();
    if (e.isShortcutDown()) {
      if (selection.isSelected(index)) {
        selection.clearSelection(index);
      } else {
        selection.select(index);
      }
    } else if (e.isShiftDown() && anchor >= 0) {
      selection.clearSelection();
      selection.selectRange(Math.min(anchor, index), Math.max(anchor, index) + 1);
      selection.select(index);
      return;
    } else if (e.getButton() == MouseButton.SECONDARY && selection.isSelected(index)) {
      return; // the context menu acts on the selection as it stands
    } else {
      selection.clearAndSelect(index);
    }
    anchor = index;
  }

  /** One row of tiles. */
  private final class TileRow extends ListCell<Integer> {
    private final HBox box = new HBox(GAP);
    private final List<Tile> tiles = new ArrayList<>();

    TileRow() {
      box.setAlignment(Pos.TOP_LEFT);
      getStyleClass().add("gallery-row");
    }

    @Override
    protected void updateItem(Integer row, boolean empty) {
      super.updateItem(row, empty);
      if (empty || row == null) {
        for (Tile t : tiles) {
          t.picture.request(null); // no longer wanted: never decoded if not started
        }
        setGraphic(null);
        return;
      }
      List<ImageItem> rows = model.rows();
      int first = row * perRow;
      int n = Math.max(0, Math.min(perRow, rows.size() - first));
      // The tiles stay in the row and are filled in place: replacing a row's children would restyle
      // and lay out every tile again on each scroll step.
      while (tiles.size() < n) {
        Tile t = new Tile();
        tiles.add(t);
        box.getChildren().add(t.root);
      }
      for (int k = 0; k < tiles.size(); k++) {
        Tile t = tiles.get(k);
        boolean used = k < n;
        t.root.setVisible(used);
        t.root.setManaged(used);
        if (used) {
          t.show(first + k, rows.get(first + k));
        } else {
          t.picture.request(null);
        }
      }
      setGraphic(box);
    }
  }

  /** A thumbnail with the file name and labels under it; styled by selection and flag. */
  private final class Tile {
    private final ImageView view = new ImageView();
    private final Label caption = new Label();
    private final StackPane frame = new StackPane(view);
    private final VBox root = new VBox(2, frame, caption);
    private final Tooltip tip = new Tooltip();
    private final ThumbnailLoader<TilePixels>.Slot picture = thumbnails.slot(this::draw);
    private WritableImage canvas; // the tile's one image, its size's; pictures are copied into it
    private int index;

    Tile() {
      root.getStyleClass().add("gallery-tile");
      frame.getStyleClass().add("gallery-frame");
      caption.getStyleClass().add("gallery-caption");
      view.setPreserveRatio(true);
      root.setOnMousePressed(e -> click(index, e));
      Tooltip.install(root, tip);
    }

    /** Shows a decoded picture, or none. */
    private void draw(TilePixels p) {
      if (p == null) {
        view.setVisible(false);
        return;
      }
      int size = (int) tile.get();
      if (canvas == null || (int) canvas.getWidth() != size) {
        canvas = new WritableImage(size, size);
      }
      p.drawInto(canvas, view);
    }

    void show(int at, ImageItem item) {
      index = at;
      double size = tile.get();
      frame.setPrefSize(size, size);
      frame.setMinSize(size, size);
      frame.setMaxSize(size, size);
      root.setPrefWidth(size + 10);
      root.setMaxWidth(size + 10);
      caption.setMaxWidth(size);
      view.setFitWidth(size);
      view.setFitHeight(size);
      Path folder = datasetRoot.get();
      picture.request(folder == null ? null : keyOf(size, folder.resolve(item.path())));
      String labels =
          item.predicted().isEmpty() || item.predicted().equals(item.given())
              ? item.given()
              : item.given() + " → " + item.predicted();
      caption.setText(labels + "  " + item.fileName());
      // Pseudo-classes, not style classes: a change restyles the tile alone, and no change none.
      root.pseudoClassStateChanged(SELECTED, selection.isSelected(at));
      root.pseudoClassStateChanged(RESOLVED, item.resolved());
      root.pseudoClassStateChanged(FLAGGED, !item.resolved() && item.flagged());
      tip.setText(item.issueText().isEmpty() ? item.path() : item.path() + "\n" + item.issueText());
    }
  }
}
