-- The person's own answers to Aftercare's six state self-compassion statements (1 not at all true for me ... 5 very
-- true for me; each optional), with the point it was offered at: BEFORE (the first), DAY_7 or DAY_30 after the
-- first, or EXTRA (any other time). Read only by the person, through their own pages and API; never aggregated.
CREATE TABLE recovery_self_compassion (
    id          UUID NOT NULL PRIMARY KEY,
    person_id   UUID NOT NULL,
    stage       VARCHAR(10) NOT NULL,
    item_1      INT,
    item_2      INT,
    item_3      INT,
    item_4      INT,
    item_5      INT,
    item_6      INT,
    answered_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX recovery_self_compassion_person_idx ON recovery_self_compassion (person_id, answered_at);
