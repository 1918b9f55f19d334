// jtokkit 1.1.0 ships no descriptor; its vocabularies live in its own package, so no opens is needed.
module jtokkit {
  exports com.knuddels.jtokkit;
  exports com.knuddels.jtokkit.api;
}
