/**
 * Headroom for Spring Boot: {@link dev.headroom.spring.HeadroomAutoConfiguration} puts one {@link
 * dev.headroom.client.HeadroomClient} in front of Spring AI's OpenAI and Anthropic chat models,
 * configured by {@link dev.headroom.spring.HeadroomProperties}.
 *
 * <p>Configuration keys read: {@code headroom.enabled}, {@code headroom.min-block-bytes}, {@code
 * headroom.budget}, {@code headroom.ccr-store}, {@code headroom.protect-tools}, {@code
 * headroom.discover-extensions}, and Spring Boot's {@code management.health.headroom.enabled}. No
 * system property or environment variable of its own.
 *
 * <p>Class path only, no {@code module-info}: Spring Boot finds auto-configurations and their
 * metadata as class-path resources, and Spring AI's model jars need the OpenAI and Anthropic SDK
 * jars, which carry no module name.
 */
package dev.headroom.spring;
