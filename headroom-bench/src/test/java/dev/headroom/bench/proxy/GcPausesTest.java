package dev.headroom.bench.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pauses of real {@code -Xlog:gc} lines of the two collectors the launchers use or allow. */
class GcPausesTest {

  @Test
  void parallelGcYoungAndFullPausesAreCountedApart() {
    GcPauses pauses =
        GcPauses.parse(
            List.of(
                "[0.012s][info][gc] Using Parallel",
                "[49.119s][info][gc] GC(146) Pause Young (Allocation Failure) 473M->329M(503M)"
                    + " 14.070ms",
                "[49.438s][info][gc] GC(147) Pause Young (Allocation Failure) 481M->336M(503M)"
                    + " 8.388ms",
                "[50.187s][info][gc] GC(149) Pause Full (Ergonomics) 496M->94M(503M) 138.655ms"));

    assertEquals(new GcPauses(2, 14.070, 22.458, 1, 138.655, 0, 0), rounded(pauses));
    assertEquals(
        "2 young pauses (longest 14.1 ms, 0.02 s in all), 1 full (longest 138.7 ms)",
        pauses.describe());
  }

  @Test
  void g1sConcurrentCycleIsNotAPauseButItsRemarkAndCleanupAre() {
    GcPauses pauses =
        GcPauses.parse(
            List.of(
                "[1.2s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(256M)"
                    + " 3.123ms",
                "[2.0s][info][gc] GC(4) Pause Young (Concurrent Start) (G1 Humongous Allocation)"
                    + " 100M->90M(256M) 4.000ms",
                "[2.1s][info][gc] GC(5) Concurrent Mark Cycle",
                "[2.2s][info][gc] GC(5) Pause Remark 95M->95M(256M) 1.500ms",
                "[2.3s][info][gc] GC(5) Pause Cleanup 95M->95M(256M) 0.100ms",
                "[2.4s][info][gc] GC(5) Concurrent Mark Cycle 210.123ms",
                "[3.0s][info][gc] GC(6) Pause Young (Mixed) (G1 Evacuation Pause) 120M->60M(256M)"
                    + " 6.500ms"));

    assertEquals(new GcPauses(3, 6.5, 13.623, 0, 0, 2, 0), rounded(pauses));
  }

  @Test
  void aWindowOfTheProcesssLifeCountsOnlyThePausesThatBeganInIt() {
    List<String> lines =
        List.of(
            "[1.412s][info][gc] GC(1) Pause Young (Allocation Failure) 117M->53M(407M) 129.906ms",
            "[30.0s][info][gc] GC(60) Pause Young (Allocation Failure) 250M->83M(414M) 1.402ms",
            "[59.999s][info][gc] GC(90) Pause Young (Allocation Failure) 244M->84M(409M) 2.500ms",
            "[60.0s][info][gc] GC(91) Pause Full (Ergonomics) 415M->170M(443M) 314.681ms");

    assertEquals(new GcPauses(2, 2.5, 3.902, 0, 0, 0, 0), rounded(GcPauses.parse(lines, 10, 60)));
    assertEquals(
        new GcPauses(1, 129.906, 129.906, 0, 0, 0, 0), rounded(GcPauses.parse(lines, 0, 10)));
    assertEquals(new GcPauses(0, 0, 0, 1, 314.681, 0, 0), rounded(GcPauses.parse(lines, 60, 61)));
  }

  @Test
  void aFullCollectionSomeoneAskedForIsCountedApart() {
    GcPauses pauses =
        GcPauses.parse(
            List.of(
                "[15.1s][info][gc] GC(40) Pause Full (Diagnostic Command) 53M->45M(407M) 142.299ms",
                "[20.3s][info][gc] GC(50) Pause Full (System.gc()) 120M->62M(400M) 207.900ms",
                "[30.2s][info][gc] GC(80) Pause Full (Heap Inspection Initiated GC) 163M->132M(428M)"
                    + " 307.114ms",
                "[38.0s][info][gc] GC(71) Pause Full (Ergonomics) 415M->141M(429M) 356.195ms"));

    assertEquals(new GcPauses(0, 0, 0, 1, 356.195, 0, 3), rounded(pauses));
    assertEquals(
        "0 young pauses (longest 0.0 ms, 0.00 s in all), 1 full (longest 356.2 ms), 3 full asked for"
            + " (System.gc, jcmd GC.run)",
        pauses.describe());
  }

  @Test
  void noLogMeansNoPauses() {
    assertEquals(new GcPauses(0, 0, 0, 0, 0, 0, 0), GcPauses.parse(List.of()));
  }

  private static GcPauses rounded(GcPauses pauses) {
    return new GcPauses(
        pauses.young(),
        pauses.youngMaxMillis(),
        Math.round(pauses.youngTotalMillis() * 1000) / 1000.0,
        pauses.full(),
        pauses.fullMaxMillis(),
        pauses.other(),
        pauses.requested());
  }
}
