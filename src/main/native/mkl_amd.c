/*
 * Databoost: tells Intel MKL (linked into libtorch) that the CPU is an Intel one, so that on AMD
 * processors MKL uses the same vectorised kernels it would pick from the CPU's features instead of
 * its generic fallback. MKL still checks every instruction set it uses; this only removes the
 * vendor test. Loaded with LD_PRELOAD by the launcher on AMD CPUs (training.MklOnAmd).
 * Build: src/main/native/build.sh. SPDX-License-Identifier: GPL-3.0-or-later
 */
int mkl_serv_intel_cpu_true(void) { return 1; }
int mkl_serv_intel_cpu(void) { return 1; }
