-- The one-week self-compassion journal: one row per person who started it, and their entries. Entries are encrypted
-- with the person's own key (the text is never stored in plain text); destroying the key makes them unreadable.
CREATE TABLE recovery_journal (
    person_id        UUID PRIMARY KEY,
    started_on       DATE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- local time of day for a daily reminder; null when the person has not turned reminders on
    reminder_time    TIME,
    -- when the next reminder is due (a reminder job due at another time is stale and does nothing)
    next_reminder_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE recovery_journal_entry (
    id              UUID PRIMARY KEY,
    person_id       UUID NOT NULL,
    -- the prompt's day (1 to 7) it answers, or null for free writing
    prompt_day      INT,
    written_on      DATE NOT NULL,
    text_ciphertext BYTEA NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX recovery_journal_entry_person ON recovery_journal_entry (person_id, written_on);
