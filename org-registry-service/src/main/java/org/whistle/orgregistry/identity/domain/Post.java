package org.whistle.orgregistry.identity.domain;

/** One post a person holds on one node; a person may hold several (一肩三挑). */
public record Post(PostKind kind, String node) {}
