package org.databoost.projection;

/**
 * The {@code a, b} of UMAP's low-dimensional similarity {@code 1 / (1 + a d^(2b))}, fitted by least
 * squares to {@code 1} below minDist and {@code exp(-(d - minDist) / spread)} above, on 300 points
 * of [0, 3 spread] (umap-learn's find_ab_params; Gauss-Newton with a damped step).
 */
final class CurveFit {
  private CurveFit() {}

  static double[] ab(double spread, double minDist) {
    int m = 300;
    double[] xs = new double[m];
    double[] ys = new double[m];
    for (int i = 0; i < m; i++) {
      xs[i] = 3 * spread * i / (m - 1);
      ys[i] = xs[i] < minDist ? 1.0 : Math.exp(-(xs[i] - minDist) / spread);
    }
    double a = 1;
    double b = 1;
    double lambda = 1e-3;
    double err = sse(xs, ys, a, b);
    for (int it = 0; it < 200; it++) {
      // normal equations of the Jacobian, Levenberg-Marquardt damping
      double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
      for (int i = 1; i < m; i++) {
        double x = xs[i];
        double p = Math.pow(x, 2 * b);
        double f = 1 / (1 + a * p);
        double r = f - ys[i];
        double dfda = -p * f * f;
        double dfdb = -a * p * 2 * Math.log(x) * f * f;
        jaa += dfda * dfda;
        jab += dfda * dfdb;
        jbb += dfdb * dfdb;
        ga += dfda * r;
        gb += dfdb * r;
      }
      double a11 = jaa * (1 + lambda), a22 = jbb * (1 + lambda);
      double det = a11 * a22 - jab * jab;
      if (det == 0) {
        break;
      }
      double da = -(a22 * ga - jab * gb) / det;
      double db = -(a11 * gb - jab * ga) / det;
      double na = a + da, nb = b + db;
      double ne = na > 0 && nb > 0 ? sse(xs, ys, na, nb) : Double.POSITIVE_INFINITY;
      if (ne < err) {
        boolean converged = err - ne < 1e-14;
        a = na;
        b = nb;
        err = ne;
        lambda /= 10;
        if (converged) {
          break;
        }
      } else {
        lambda *= 10;
        if (lambda > 1e10) {
          break;
        }
      }
    }
    return new double[] {a, b};
  }

  private static double sse(double[] xs, double[] ys, double a, double b) {
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      double r = 1 / (1 + a * Math.pow(xs[i], 2 * b)) - ys[i];
      s += r * r;
    }
    return s;
  }
}
