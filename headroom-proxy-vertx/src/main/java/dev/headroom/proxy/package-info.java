/**
 * The embeddable Headroom gateway: {@link dev.headroom.proxy.HeadroomProxy} and its {@link
 * dev.headroom.proxy.ProxyOptions}.
 */
package dev.headroom.proxy;
