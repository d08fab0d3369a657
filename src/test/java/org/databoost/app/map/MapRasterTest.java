package org.databoost.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.databoost.dataset.Split;
import org.databoost.map.MapPoint;
import org.junit.jupiter.api.Test;

class MapRasterTest {
  private static final List<MapPoint> POINTS =
      List.of(
          new MapPoint("a", Split.TRAIN, "i", 0f, 0f, false),
          new MapPoint("b", Split.VAL, "i", 10f, 10f, true),
          new MapPoint("c", Split.VAL, "ii", 10f, 0f, false),
          new MapPoint("d", Split.TRAIN, "ii", 0f, 10f, false));

  private final MapLayout layout = MapLayout.of(POINTS, 120, 120, 10);
  private final MapPalette kinds = MapPalette.split(POINTS);

  private static int at(int[] px, int x, int y) {
    return px[y * 120 + x];
  }

  @Test
  void eachKindHasItsColourAndMisclassifiedValIsRinged() {
    int[] px = new MapRaster().draw(layout, MarkerLayers.of(kinds, new BitSet(), new BitSet()));
    assertEquals(MapRaster.TRAIN, at(px, 10, 10));
    assertEquals(MapRaster.TRAIN, at(px, 11, 9), "a 3 x 3 dot");
    assertEquals(MapRaster.VAL, at(px, 110, 10));
    assertEquals(MapRaster.WRONG, at(px, 110, 110));
    assertEquals(MapRaster.WRONG, at(px, 110, 107), "the ring, 3 px out");
    assertEquals(MapRaster.BACKGROUND, at(px, 110, 108), "a gap between dot and ring");
    assertEquals(MapRaster.BACKGROUND, at(px, 60, 60));
  }

  @Test
  void aSelectionFadesTheRestAndBoostsImagesAreDiamonds() {
    BitSet selected = new BitSet();
    selected.set(0);
    BitSet boosted = new BitSet();
    boosted.set(3);
    int[] px = new MapRaster().draw(layout, MarkerLayers.of(kinds, selected, boosted));
    assertEquals(MapRaster.TRAIN, at(px, 10, 10), "selected: full colour");
    assertEquals(
        MapRaster.blend(MapRaster.VAL, MapRaster.BACKGROUND, Marker.FADE), at(px, 110, 10));
    int fadedBoost = MapRaster.blend(MapRaster.BOOST, MapRaster.BACKGROUND, Marker.FADE);
    assertEquals(fadedBoost, at(px, 10, 110));
    assertEquals(fadedBoost, at(px, 10, 107), "the diamond's tip");
    assertEquals(MapRaster.BACKGROUND, at(px, 13, 107), "not a square");
  }

  @Test
  void markersAtTheEdgeAreClippedNotWrapped() {
    MapLayout edge = MapLayout.of(POINTS, 120, 120, 10);
    edge.update(POINTS, 120, 120, new ViewTransform(1, -10, -10)); // a at (0, 0)
    int[] px = new MapRaster().draw(edge, MarkerLayers.of(kinds, new BitSet(), new BitSet()));
    assertEquals(MapRaster.TRAIN, at(px, 0, 0));
    assertEquals(MapRaster.TRAIN, at(px, 1, 1));
    assertEquals(MapRaster.BACKGROUND, at(px, 119, 0), "no spill-over from the left edge");
  }

  @Test
  void theSelectionIsDrawnOverTheRest() {
    BitSet selected = new BitSet();
    selected.set(0);
    MarkerLayers layers = MarkerLayers.of(kinds, selected, new BitSet());
    assertEquals(0, layers.drawn(layers.size() - 1));
  }

  @Test
  void anotherSelectionOnTheSameLayersDrawsAsIfBuiltAfresh() {
    BitSet boosted = new BitSet();
    boosted.set(3);
    BitSet first = new BitSet();
    first.set(0);
    BitSet second = new BitSet();
    second.set(1);
    second.set(3);
    MarkerLayers reused = MarkerLayers.of(kinds, first, boosted).withSelection(second);
    MarkerLayers fresh = MarkerLayers.of(kinds, second, boosted);
    assertEquals(
        Arrays.toString(new MapRaster().draw(layout, fresh)),
        Arrays.toString(new MapRaster().draw(layout, reused)));
    for (int k = 0; k < fresh.size(); k++) {
      assertEquals(fresh.drawn(k), reused.drawn(k), "drawn " + k);
      assertEquals(fresh.layer(k), reused.layer(k), "layer of " + k);
    }
    MarkerLayers none = reused.withSelection(new BitSet());
    assertTrue(none.full(0) && none.full(1) && none.full(2) && none.full(3), "nothing faded");
    assertEquals(MapRaster.TRAIN, at(new MapRaster().draw(layout, none), 10, 10));
  }

  @Test
  void onAMillionPointsTheLayersAreTheSameStableOrderAsOneThreadWouldGive() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 1_000_003;
    List<MapPoint> many = new ArrayList<>(n);
    BitSet selected = new BitSet();
    BitSet boosted = new BitSet();
    for (int i = 0; i < n; i++) {
      many.add(
          new MapPoint("p" + i, r.nextInt(4) == 0 ? Split.VAL : Split.TRAIN, "i", 0f, 0f, false));
      if (r.nextInt(3) == 0) {
        selected.set(i);
      }
      if (r.nextInt(50) == 0) {
        boosted.set(i);
      }
    }
    MapPalette palette = MapPalette.split(many);
    MarkerLayers layers = MarkerLayers.of(palette, selected, boosted);
    int c = palette.size();
    int[] perLayer = new int[2 * c];
    for (int i = 0; i < n; i++) {
      int kind = boosted.get(i) ? c - 1 : palette.kinds()[i];
      int expected = kind + (selected.get(i) ? c : 0);
      assertEquals(expected, layers.layer(i), "point " + i);
      perLayer[expected]++;
    }
    long previous = -1;
    for (int k = 0; k < n; k++) {
      int i = layers.drawn(k);
      long key = (long) layers.layer(i) * (n + 1) + i;
      assertTrue(key > previous, "by layer, then by index, at " + k);
      previous = key;
    }
    for (int kind = 0; kind < c; kind++) {
      assertEquals(perLayer[kind] + perLayer[kind + c], layers.count(kind));
    }
  }

  @Test
  void drawingLayerByLayerThroughCentresGivesTheSamePixelsAsPointByPoint() {
    // Dense, overlapping, partly off the canvas: every marker kind, faded and full, Boost's
    // two-colour diamonds among them; drawn twice by one raster and again after a resize.
    SplittableRandom r = new SplittableRandom(11);
    int n = 30_000;
    List<MapPoint> many = new ArrayList<>(n);
    String[] labels = {"i", "ii", "iii", "iv", "v"};
    for (int i = 0; i < n; i++) {
      many.add(
          new MapPoint(
              "p" + i,
              r.nextInt(3) == 0 ? Split.VAL : Split.TRAIN,
              labels[r.nextInt(labels.length)],
              (float) r.nextGaussian(),
              (float) r.nextGaussian(),
              r.nextInt(5) == 0));
    }
    BitSet selected = new BitSet();
    BitSet boosted = new BitSet();
    for (int i = 0; i < n; i++) {
      if (r.nextInt(3) == 0) {
        selected.set(i);
      }
      if (r.nextInt(40) == 0) {
        boosted.set(i);
      }
    }
    List<MapPalette> palettes =
        List.of(
            MapPalette.split(many),
            MapPalette.labels(
                MapColouring.GIVEN, many, List.of(labels), MapPoint::label, "no label"),
            MapPalette.verdicts(many, path -> path.hashCode() % 7 == 0 ? "junk" : ""));
    MapRaster raster = new MapRaster();
    int changed = 0;
    for (int[] size : new int[][] {{97, 61}, {97, 61}, {130, 90}}) {
      MapLayout layout = MapLayout.of(many, size[0], size[1], 4);
      layout.update(many, size[0], size[1], new ViewTransform(1.6, -20, -12));
      for (MapPalette palette : palettes) {
        for (BitSet sel : List.of(new BitSet(), selected)) {
          MarkerLayers layers = MarkerLayers.of(palette, sel, boosted);
          int[] expected = pointByPoint(layout, layers);
          int[] px = raster.draw(layout, layers);
          int first = Arrays.mismatch(expected, px);
          assertEquals(
              -1,
              first,
              () ->
                  palette.colouring()
                      + ": pixel ("
                      + first % size[0]
                      + ", "
                      + first / size[0]
                      + ") differs");
          changed += (int) Arrays.stream(px).filter(c -> c != MapRaster.BACKGROUND).count();
        }
      }
    }
    assertTrue(changed > 0, "something was drawn");
  }

  /** Each point in {@link MarkerLayers#drawn} order with its layer's marker, clipped. */
  private static int[] pointByPoint(MapLayout layout, MarkerLayers layers) {
    int w = layout.width();
    int h = layout.height();
    int[] px = new int[w * h];
    Arrays.fill(px, MapRaster.BACKGROUND);
    int c = layers.categories();
    for (int k = 0; k < layers.size(); k++) {
      int i = layers.drawn(k);
      int l = layers.layer(i);
      Marker m =
          l >= c
              ? layers.palette().markers().get(l - c)
              : layers.palette().markers().get(l).faded();
      for (int j = 0; j < m.dx().length; j++) {
        int x = layout.sx(i) + m.dx()[j];
        int y = layout.sy(i) + m.dy()[j];
        if (x >= 0 && y >= 0 && x < w && y < h) {
          px[y * w + x] = m.colour()[j];
        }
      }
    }
    return px;
  }
}
