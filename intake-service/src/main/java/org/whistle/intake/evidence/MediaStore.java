package org.whistle.intake.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where evidence bytes live, addressed by server-generated keys such as {@code 3f/a1/0196…-….jpg}. A key is written
 * once and never overwritten; readers see either nothing or the complete object.
 */
public interface MediaStore {

    /**
     * Keeps {@code size} bytes read from {@code content} under {@code key}.
     *
     * @param sha256 the lowercase hex SHA-256 of the content, which a store may have the backend verify
     */
    void put(String key, InputStream content, long size, String contentType, String sha256) throws IOException;

    /** The object's bytes for the caller to stream and close, or empty when no object has that key. */
    Optional<InputStream> open(String key) throws IOException;

    /** Removes the object; removing what is not there is not an error. */
    void delete(String key) throws IOException;
}
