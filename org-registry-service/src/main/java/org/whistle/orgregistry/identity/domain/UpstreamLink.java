package org.whistle.orgregistry.identity.domain;

import java.time.Instant;

/** An account and the upstream identity that signs in as it, since when. */
public record UpstreamLink(String username, UpstreamIdentity identity, Instant linkedAt) {}
