package org.databoost.app.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.databoost.dataset.Split;
import org.databoost.map.MapPoint;

/**
 * What the map's colours mean under one {@link MapColouring}: the categories in drawing order
 * (bottom first), each with its name and marker, and the category of every point. Images added by
 * Boost always get the last category, a diamond, whatever the colouring.
 *
 * @param names the category names, the last one "added by Boost"
 * @param markers the marker of each category, as {@link MapRaster} draws them
 * @param kinds the category of each point, before Boost's images are marked
 */
record MapPalette(MapColouring colouring, List<String> names, List<Marker> markers, byte[] kinds) {
  /** Categorical colours (Tableau 10 and its lighter half), distinct on white. */
  static final int[] CATEGORY = {
    0xFF1F77B4, 0xFFFF7F0E, 0xFF2CA02C, 0xFFD62728, 0xFF9467BD, 0xFF8C564B, 0xFFE377C2,
    0xFF7F7F7F, 0xFFBCBD22, 0xFF17BECF, 0xFF0B3C5D, 0xFFB35900, 0xFF176117, 0xFF8A1A1B,
    0xFF5B3F7A, 0xFF5A372F, 0xFFA3447E, 0xFF404040, 0xFF7A7B0E, 0xFF0E7C87
  };

  static final int NONE = 0xFFB8B8B8;

  /** The split colouring's categories. */
  static final int TRAIN = 0;

  static final int VAL = 1;
  static final int WRONG = 2;
  static final int SPLIT_BOOST = 3;
  static final String BOOST_NAME = "added by Boost";
  private static final Marker BOOST = Marker.diamond(MapRaster.BOOST, MapRaster.BOOST_EDGE);

  /** How many categories the palette has, Boost's included. */
  int size() {
    return names.size();
  }

  /** The category index of Boost's images. */
  int boost() {
    return names.size() - 1;
  }

  /** Train, val, val misclassified by the latest run. */
  static MapPalette split(List<MapPoint> points) {
    byte[] kinds = new byte[points.size()];
    for (int i = 0; i < kinds.length; i++) {
      MapPoint p = points.get(i);
      boolean val = p.split() == Split.VAL;
      kinds[i] = (byte) (!val ? TRAIN : p.misclassified() ? WRONG : VAL);
    }
    return new MapPalette(
        MapColouring.SPLIT,
        List.of(
            Split.TRAIN.folder(),
            Split.VAL.folder(),
            "val misclassified by the last run",
            BOOST_NAME),
        List.of(
            Marker.dot(MapRaster.TRAIN),
            Marker.dot(MapRaster.VAL),
            Marker.ringed(MapRaster.WRONG),
            BOOST),
        kinds);
  }

  /**
   * One colour per label, in the order given ({@code labels}); a point whose label is empty (no
   * prediction) is grey under {@code noneName}. Labels beyond the colours share the last ones.
   */
  static MapPalette labels(
      MapColouring colouring,
      List<MapPoint> points,
      List<String> labels,
      java.util.function.Function<MapPoint, String> labelOf,
      String noneName) {
    Map<String, Integer> index = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    List<Marker> markers = new ArrayList<>();
    names.add(noneName);
    markers.add(Marker.dot(NONE));
    int cap = Math.min(labels.size(), 120); // the drawing order is a byte
    for (int l = 0; l < cap; l++) {
      index.put(labels.get(l), l + 1);
      names.add(labels.get(l));
      markers.add(Marker.dot(CATEGORY[l % CATEGORY.length]));
    }
    byte[] kinds = new byte[points.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = (byte) (int) index.getOrDefault(labelOf.apply(points.get(i)), 0);
    }
    names.add(BOOST_NAME);
    markers.add(BOOST);
    return new MapPalette(colouring, List.copyOf(names), List.copyOf(markers), kinds);
  }

  /**
   * The shown run's verdict of each image ({@code verdictOf}: its issue, empty for none): images
   * without one as grey dots underneath, each verdict ringed in its own colour above them.
   */
  static MapPalette verdicts(
      List<MapPoint> points, java.util.function.Function<String, String> verdictOf) {
    Map<String, Integer> count = new LinkedHashMap<>();
    String[] of = new String[points.size()];
    for (int i = 0; i < of.length; i++) {
      String v = verdictOf.apply(points.get(i).path());
      of[i] = v == null ? "" : v;
      if (!of[i].isEmpty()) {
        count.merge(of[i], 1, Integer::sum);
      }
    }
    // The rarest verdict is drawn last, on top.
    List<String> verdicts =
        count.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .map(Map.Entry::getKey)
            .limit(120)
            .toList();
    List<String> names = new ArrayList<>();
    List<Marker> markers = new ArrayList<>();
    names.add("no verdict");
    markers.add(Marker.dot(NONE));
    int[] ringColours = {0xFFD62728, 0xFF9467BD, 0xFF8C564B, 0xFFE377C2, 0xFF17BECF, 0xFFBCBD22};
    for (int v = 0; v < verdicts.size(); v++) {
      names.add(verdicts.get(v));
      markers.add(Marker.ringed(ringColours[v % ringColours.length]));
    }
    Map<String, Integer> position = new LinkedHashMap<>();
    for (int v = 0; v < verdicts.size(); v++) {
      position.put(verdicts.get(v), v + 1);
    }
    byte[] kinds = new byte[of.length];
    for (int i = 0; i < of.length; i++) {
      kinds[i] = (byte) (int) position.getOrDefault(of[i], 0);
    }
    names.add(BOOST_NAME);
    markers.add(BOOST);
    return new MapPalette(MapColouring.VERDICT, List.copyOf(names), List.copyOf(markers), kinds);
  }

  /** An empty palette of the split colouring (no map yet). */
  static MapPalette empty() {
    return split(List.of());
  }
}
