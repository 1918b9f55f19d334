package dev.headroom.proxy.internal.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RetrievalLoopTest {

  private static final byte[] NAME = "headroom_retrieve".getBytes(StandardCharsets.US_ASCII);

  @Test
  void aResponseThatNeverNamesTheToolNeedsNoLookAtItsCalls() {
    assertFalse(RetrievalLoop.names(Buffer.buffer("{\"choices\":[{\"message\":{\"content\":\"headroom_retriev\"}}]}"), NAME));
    assertFalse(RetrievalLoop.names(Buffer.buffer(""), NAME));
  }

  @Test
  void theNameIsFoundAnywhereUpToTheLastByte() {
    assertTrue(RetrievalLoop.names(Buffer.buffer("headroom_retrieve"), NAME));
    assertTrue(RetrievalLoop.names(Buffer.buffer("{\"name\":\"hheadroom_retrieve"), NAME));
    assertTrue(RetrievalLoop.names(Buffer.buffer("{\"tool_calls\":[{\"function\":{\"name\":\"headroom_retrieve\"}}]}"), NAME));
  }
}
