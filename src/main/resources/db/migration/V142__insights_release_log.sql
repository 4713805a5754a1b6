-- The rule set's per-viewer release log (docs/insights.md, rule 5): every respondent set released to a viewer, by
-- figure and window, so that a later figure is refused when it could be combined with earlier ones to single anyone
-- out. Who was in a set, never what they answered. insights_release_viewer holds one row per viewer to lock while a
-- release is decided.
CREATE TABLE insights_release_viewer (
    viewer_id UUID PRIMARY KEY
);

CREATE TABLE insights_release (
    id UUID PRIMARY KEY,
    viewer_id UUID NOT NULL REFERENCES insights_release_viewer (viewer_id),
    figure VARCHAR(200) NOT NULL,
    first_month VARCHAR(7),
    last_month VARCHAR(7),
    poll_round UUID,
    released_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT insights_release_window CHECK ((first_month IS NOT NULL AND last_month IS NOT NULL AND poll_round IS NULL)
        OR (first_month IS NULL AND last_month IS NULL AND poll_round IS NOT NULL))
);

CREATE INDEX insights_release_viewer_figure ON insights_release (viewer_id, figure);

CREATE TABLE insights_release_member (
    release_id UUID NOT NULL REFERENCES insights_release (id) ON DELETE CASCADE,
    person_id UUID NOT NULL,
    PRIMARY KEY (release_id, person_id)
);
