// reactive-streams 1.0.4 ships no descriptor, only its automatic name (AWS SDK's utils needs it).
module org.reactivestreams {
  exports org.reactivestreams;

}
