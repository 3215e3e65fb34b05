package org.whistle.orgregistry.organisation;

/** An entity as stored, with the revision its latest change published. */
public record Stored<T>(T entity, long revision) {}
