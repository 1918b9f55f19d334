package dev.headroom.proxy.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConversationsTest {

  private static byte[] chat(String... messages) {
    return ("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"}," + String.join(",", messages) + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static final String FIRST = "{\"role\":\"user\",\"content\":\"why?\"}";

  @Test
  void laterTurnsOfAConversationHaveTheSameKey() {
    String turn1 = Conversations.key("", "key:a", chat(FIRST));
    String turn2 = Conversations.key("", "key:a", chat(FIRST, "{\"role\":\"assistant\",\"content\":\"because\"}",
        "{\"role\":\"user\",\"content\":\"and then?\"}"));

    assertEquals(turn1, turn2);
  }

  @Test
  void anotherFirstMessageAnotherKeyOrAnotherModelIsAnotherConversation() {
    String base = Conversations.key("", "key:a", chat(FIRST));

    assertNotEquals(base, Conversations.key("", "key:a", chat("{\"role\":\"user\",\"content\":\"how?\"}")));
    assertNotEquals(base, Conversations.key("", "key:b", chat(FIRST)));
    assertNotEquals(base, Conversations.key("", "key:a", new String(chat(FIRST), StandardCharsets.UTF_8)
        .replace("gpt-4o", "gpt-5").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aSessionHeaderIsTheConversationWhateverTheBody() {
    assertEquals(Conversations.key("s1", "key:a", chat(FIRST)),
        Conversations.key("s1", "key:a", chat("{\"role\":\"user\",\"content\":\"other\"}")));
  }

  @Test
  void theLeastRecentlySeenConversationsAreForgottenFirst() {
    Conversations conversations = new Conversations(2);
    conversations.add("a");
    conversations.add("b");
    assertTrue(conversations.contains("a"));
    conversations.add("c");

    assertTrue(conversations.contains("a"));
    assertFalse(conversations.contains("b"));
    assertTrue(conversations.contains("c"));
  }
}
