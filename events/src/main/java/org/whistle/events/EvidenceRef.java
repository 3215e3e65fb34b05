package org.whistle.events;

/** A photo or video kept by intake's media store, referenced by id; the content hash makes tampering visible. */
public record EvidenceRef(String mediaId, String contentType, String sha256) {}
