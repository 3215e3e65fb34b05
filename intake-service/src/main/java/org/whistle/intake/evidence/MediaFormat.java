package org.whistle.intake.evidence;

/** The formats intake accepts as evidence, each with the content type it is served as and its storage suffix. */
enum MediaFormat {
    JPEG("image/jpeg", MediaKind.PHOTO, "jpg"),
    PNG("image/png", MediaKind.PHOTO, "png"),
    WEBP("image/webp", MediaKind.PHOTO, "webp"),
    /** HEVC-coded HEIF (brands heic, heix): what iPhones and many Android phones take by default. */
    HEIC("image/heic", MediaKind.PHOTO, "heic"),
    /** HEIC image sequences (brands hevc, hevx). */
    HEIC_SEQUENCE("image/heic-sequence", MediaKind.PHOTO, "heics"),
    /** Generic HEIF (brand mif1). */
    HEIF("image/heif", MediaKind.PHOTO, "heif"),
    /** Generic HEIF image sequences (brand msf1). */
    HEIF_SEQUENCE("image/heif-sequence", MediaKind.PHOTO, "heifs"),
    MP4("video/mp4", MediaKind.VIDEO, "mp4");

    private final String contentType;
    private final MediaKind kind;
    private final String extension;

    MediaFormat(String contentType, MediaKind kind, String extension) {
        this.contentType = contentType;
        this.kind = kind;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    MediaKind kind() {
        return kind;
    }

    String extension() {
        return extension;
    }

    boolean isHeif() {
        return this == HEIC || this == HEIC_SEQUENCE || this == HEIF || this == HEIF_SEQUENCE;
    }
}
