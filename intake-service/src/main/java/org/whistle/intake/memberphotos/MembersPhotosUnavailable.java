package org.whistle.intake.memberphotos;

/** members-service (or org-registry, for the token) could not be asked now; the photo may be asked for again. */
public class MembersPhotosUnavailable extends RuntimeException {

    MembersPhotosUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    MembersPhotosUnavailable(String message) {
        super(message);
    }
}
