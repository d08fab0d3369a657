package org.databoost.app.images;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/** The image table's quick filters, and the row predicate they make together. */
public final class RowFilters {
  private final StringProperty split = new SimpleStringProperty("");
  private final StringProperty label = new SimpleStringProperty("");
  private final StringProperty search = new SimpleStringProperty("");
  private final BooleanProperty misclassifiedOnly = new SimpleBooleanProperty();
  private final BooleanProperty flaggedOnly = new SimpleBooleanProperty();
  private final BooleanProperty boostAddedOnly = new SimpleBooleanProperty();
  private final ObjectProperty<Set<String>> mapSelection = new SimpleObjectProperty<>(Set.of());

  /** Calls {@code action} whenever any filter changes. */
  void onChange(Runnable action) {
    for (ObservableValue<?> v :
        List.of(
            split, label, search, misclassifiedOnly, flaggedOnly, boostAddedOnly, mapSelection)) {
      v.addListener((o, a, b) -> action.run());
    }
  }

  /** The rows the filters let through, as they stand now. */
  Predicate<ImageItem> predicate() {
    String s = split.get();
    String l = label.get();
    String text = search.get().toLowerCase(Locale.ROOT).strip();
    Set<String> onMap = mapSelection.get();
    boolean wrong = misclassifiedOnly.get();
    boolean flagged = flaggedOnly.get();
    boolean boosted = boostAddedOnly.get();
    return i ->
        (s.isEmpty() || s.equals(i.splitFolder()))
            && (l.isEmpty() || l.equals(i.given()))
            && (text.isEmpty() || i.path().toLowerCase(Locale.ROOT).contains(text))
            && (!wrong || i.misclassified())
            && (!flagged || i.flagged())
            && (!boosted || i.addedByBoost())
            && (onMap.isEmpty() || onMap.contains(i.path()));
  }

  /** Lets every row through again. */
  public void reset() {
    split.set("");
    label.set("");
    search.set("");
    misclassifiedOnly.set(false);
    flaggedOnly.set(false);
    boostAddedOnly.set(false);
    mapSelection.set(Set.of());
  }

  /** Shows the images Boost added, and only them: the other filters are reset first. */
  public void showBoostAddedOnly() {
    reset();
    boostAddedOnly.set(true);
  }

  /** The split folder to show only; empty for all. */
  public StringProperty splitProperty() {
    return split;
  }

  /** The given label to show only; empty for all. */
  public StringProperty labelProperty() {
    return label;
  }

  /** Text the file path must contain (case-insensitive); empty for all. */
  public StringProperty searchProperty() {
    return search;
  }

  public BooleanProperty misclassifiedOnlyProperty() {
    return misclassifiedOnly;
  }

  public BooleanProperty flaggedOnlyProperty() {
    return flaggedOnly;
  }

  /** When set, only images that Boost added are shown. */
  public BooleanProperty boostAddedOnlyProperty() {
    return boostAddedOnly;
  }

  /** Paths picked on the map; when not empty, only these rows are shown. */
  public ObjectProperty<Set<String>> mapSelectionProperty() {
    return mapSelection;
  }
}
