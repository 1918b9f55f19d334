package dev.headroom.compress.internal.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorWordsTest {

  @Test
  void errorLikeValuesAreFoundInAnyCase() {
    assertTrue(ErrorWords.in("ch_1 1200 eur failed Your card has insufficient funds."));
    assertTrue(ErrorWords.in("payments ledger-worker 0/1 CrashLoopBackOff 37"));
    assertTrue(ErrorWords.in("OOMKilled"));
    assertTrue(ErrorWords.in("request TIMED OUT after 3000ms"));
    assertTrue(ErrorWords.in("severity critical"));
  }

  @Test
  void lookAlikesAreNot() {
    assertFalse(ErrorWords.in("errorRate 0.01 failover-ready succeeded"));
    assertFalse(ErrorWords.in("roommate boomerang"));
    assertFalse(ErrorWords.in(""));
  }
}
