package dev.headroom.it.e2e;

/** A tool output the end-to-end tests send: 300 orders as a JSON array, one of them failed. */
final class Orders {

  private Orders() {}

  /**
   * @return the array's JSON text; order {@code ord_100217} failed with {@code card_declined}
   */
  static String json() {
    StringBuilder rows = new StringBuilder("[");
    for (int i = 0; i < 300; i++) {
      rows.append(i == 0 ? "" : ",")
          .append("{\"id\":\"ord_")
          .append(100000 + i)
          .append("\",\"status\":\"")
          .append(i == 217 ? "FAILED" : "shipped")
          .append("\",\"total\":")
          .append(10 + i % 90)
          .append(".5,\"note\":\"")
          .append(i == 217 ? "card_declined" : "ok")
          .append("\"}");
    }
    return rows.append(']').toString();
  }
}
