/**
 * The request pipeline the gateway and the in-process client share: {@link
 * dev.headroom.pipeline.RequestPipeline} for the request stages and the live-zone rewrite, {@link
 * dev.headroom.pipeline.ResponseStages} for the response side, {@link
 * dev.headroom.pipeline.MetadataKeys} for what the events carry.
 */
package dev.headroom.pipeline;
