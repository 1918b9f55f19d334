package dev.headroom.proxy.internal.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.proxy.internal.retrieval.ConversationKeys;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConversationsTest {

  private static byte[] chat(String... messages) {
    return ("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
            + String.join(",", messages)
            + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static final String FIRST = "{\"role\":\"user\",\"content\":\"why?\"}";

  @Test
  void laterTurnsOfAConversationHaveTheSameKey() {
    String turn1 = ConversationKeys.of("", "key:a", chat(FIRST));
    String turn2 =
        ConversationKeys.of(
            "",
            "key:a",
            chat(
                FIRST,
                "{\"role\":\"assistant\",\"content\":\"because\"}",
                "{\"role\":\"user\",\"content\":\"and then?\"}"));

    assertEquals(turn1, turn2);
  }

  @Test
  void anotherFirstMessageAnotherKeyOrAnotherModelIsAnotherConversation() {
    String base = ConversationKeys.of("", "key:a", chat(FIRST));

    assertNotEquals(
        base, ConversationKeys.of("", "key:a", chat("{\"role\":\"user\",\"content\":\"how?\"}")));
    assertNotEquals(base, ConversationKeys.of("", "key:b", chat(FIRST)));
    assertNotEquals(
        base,
        ConversationKeys.of(
            "",
            "key:a",
            new String(chat(FIRST), StandardCharsets.UTF_8)
                .replace("gpt-4o", "gpt-5")
                .getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSystemPromptCountsWhereverItSitsAndLaterTurnsDoNot() {
    String anthropic =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}%s],\"system\":\"%s\",\"model\":\"claude\"}";
    String base = ConversationKeys.of("", "key:a", bytes(String.format(anthropic, "", "be brief")));

    assertEquals(
        base,
        ConversationKeys.of(
            "",
            "key:a",
            bytes(
                String.format(
                    anthropic,
                    ",{\"role\":\"assistant\",\"content\":\"hello\"},{\"role\":\"user\",\"content\":\"more\"}",
                    "be brief"))));
    assertNotEquals(
        base, ConversationKeys.of("", "key:a", bytes(String.format(anthropic, "", "be long"))));
  }

  @Test
  void aBodyThatIsNotJsonStillGetsAKey() {
    assertEquals(
        ConversationKeys.of("", "key:a", bytes("{\"messages\":[")),
        ConversationKeys.of("", "key:a", bytes("{\"messages\":[")));
    assertNotEquals(
        ConversationKeys.of("", "key:a", bytes("not json")),
        ConversationKeys.of("", "key:b", bytes("not json")));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aSessionHeaderIsTheConversationWhateverTheBody() {
    assertEquals(
        ConversationKeys.of("s1", "key:a", chat(FIRST)),
        ConversationKeys.of("s1", "key:a", chat("{\"role\":\"user\",\"content\":\"other\"}")));
  }

  @Test
  void theLeastRecentlySeenConversationsAreForgottenFirst() {
    LocalConversations conversations = new LocalConversations(2);
    conversations.add("a", 1);
    conversations.add("b", 1);
    assertTrue(conversations.contains("a"));
    conversations.add("c", 1);

    assertTrue(conversations.contains("a"));
    assertFalse(conversations.contains("b"));
    assertTrue(conversations.contains("c"));
  }

  @Test
  void aFirstUserFingerprintIsKnownWhileAnyConversationWithItIsRemembered() {
    LocalConversations conversations = new LocalConversations(2);
    conversations.add("a", 7);
    conversations.add("b", 7);
    conversations.add("c", 8); // forgets a; b still has 7

    assertTrue(conversations.mayContain(7));
    assertTrue(conversations.mayContain(8));
    assertFalse(conversations.mayContain(9));

    conversations.add("d", 9); // forgets b, the last with 7
    assertFalse(conversations.mayContain(7));
    conversations.add("c", 10); // c again, from another first message: 8 is no longer had
    assertFalse(conversations.mayContain(8));
    assertTrue(conversations.mayContain(10));
  }

  @Test
  void whileAConversationGivenTheToolUnderNoFingerprintIsRememberedEveryRequestMayBeOne() {
    LocalConversations conversations = new LocalConversations(1);
    assertTrue(conversations.mayContain(Conversations.UNKNOWN_FIRST_USER));
    assertFalse(conversations.mayContain(7));

    conversations.add("escaped", Conversations.UNKNOWN_FIRST_USER);
    assertTrue(conversations.mayContain(7), "its later turns may be told apart");

    conversations.add("plain", 8); // forgets the first
    assertFalse(conversations.mayContain(7));

    conversations.add("key:a|s:session-1", Conversations.NAMED_SESSION); // forgets "plain"
    assertTrue(conversations.mayContain(Conversations.NAMED_SESSION));
    assertFalse(conversations.mayContain(7), "a named session tells its own turns apart");
  }

  @Test
  void anEntryRewrittenToTheSharedStoreKeepsItsFingerprint() {
    LocalConversations conversations = new LocalConversations(10);
    conversations.put("h:a", 1L, 7);

    conversations.written("h:a", 2L);

    assertEquals(2L, conversations.writtenAt("h:a"));
    assertTrue(conversations.mayContain(7));
  }
}
