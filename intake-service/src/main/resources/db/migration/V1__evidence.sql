-- Evidence media: one row per kept photo or video. The bytes live in the media store under storage_key; the row is
-- what the service knows about them. whistle_id stays empty until the whistle the files were sent with is raised.
CREATE TABLE evidence (
    media_id          uuid PRIMARY KEY,
    whistle_id        varchar(64),
    content_type      varchar(64)  NOT NULL,
    kind              varchar(8)   NOT NULL CHECK (kind IN ('PHOTO', 'VIDEO')),
    size_bytes        bigint       NOT NULL CHECK (size_bytes > 0),
    sha256            char(64)     NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key       varchar(255) NOT NULL UNIQUE,
    original_name     varchar(255),
    -- False where the format's location metadata could not be removed safely (HEIC/HEIF, some MP4): never public.
    location_stripped boolean      NOT NULL,
    uploaded_by       varchar(128) NOT NULL,
    created_at        timestamptz  NOT NULL
);

CREATE INDEX evidence_whistle ON evidence (whistle_id) WHERE whistle_id IS NOT NULL;
-- Uploads never attached to a whistle are found by age for clean-up.
CREATE INDEX evidence_unattached ON evidence (created_at) WHERE whistle_id IS NULL;
