/**
 * Headroom for Spring Boot: {@link dev.headroom.spring.HeadroomAutoConfiguration} puts one {@link
 * dev.headroom.client.HeadroomClient} in front of Spring AI's OpenAI and Anthropic chat models,
 * configured by {@link dev.headroom.spring.HeadroomProperties} ({@code headroom.*}).
 */
package dev.headroom.spring;
