package dev.headroom.spring;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The 'headroom.*' settings of the starter.
 *
 * @param enabled whether Headroom sits in front of Spring AI's chat models at all; 'false' creates
 *     none of the starter's beans, and every request goes as Spring AI built it
 * @param minBlockBytes a tool output or user text shorter than this (UTF-8 bytes) is sent as it is
 * @param budget how long compressing one request may take: past it no further block of the request
 *     starts, and blocks already compressed are sent compressed
 * @param ccrStore where the originals of what compression drops are kept for retrieval: 'memory'
 *     (in this JVM, bounded), or a Redis URL ('redis://host:6379/0') that the gateway and other
 *     applications may share; Redis needs 'io.lettuce:lettuce-core' on the class path
 * @param protectTools tools whose outputs are never compressed, as case-insensitive globs over tool
 *     names; 'default' stands for the file-read and file-edit tools of the common coding agents,
 *     'none' alone protects nothing
 * @param discoverExtensions whether pipeline extensions found by 'ServiceLoader' run too, beside
 *     those declared as beans
 */
@API(status = EXPERIMENTAL, since = "0.1")
@ConfigurationProperties("headroom")
public record HeadroomProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("512") int minBlockBytes,
    @DefaultValue("50ms") Duration budget,
    @DefaultValue("memory") String ccrStore,
    @DefaultValue("default") List<String> protectTools,
    @DefaultValue("true") boolean discoverExtensions) {}
