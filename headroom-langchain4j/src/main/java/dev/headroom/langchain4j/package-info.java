/**
 * Headroom for LangChain4j: {@link dev.headroom.langchain4j.HeadroomLangChain4j} gives a model
 * builder an HTTP client with Headroom in front; {@link
 * dev.headroom.langchain4j.HeadroomHttpClientBuilderFactory} is the same through LangChain4j's SPI.
 */
package dev.headroom.langchain4j;
