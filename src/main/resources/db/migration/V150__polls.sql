-- Pulse polls (docs/polls.md). A poll is its questions and choices; each round of it has invitees (who was asked),
-- participation markers (who has answered: to refuse a second answer and to remind the others) and tallies (how many
-- chose each choice). The answers themselves are never stored one by one: no row carries a person, a time or an
-- order of answering, so nothing joins a marker to what that person chose. Every answer adds to every tally row of
-- its round (by 0 or 1) in one statement, so all of a round's tallies always carry the same last writer.
CREATE TABLE polls_poll (
    id          UUID         NOT NULL PRIMARY KEY,
    title       VARCHAR(200) NOT NULL,
    everyone    BOOLEAN      NOT NULL,
    recurrence  VARCHAR(16)  NOT NULL,
    template    VARCHAR(32)  NOT NULL,
    created_by  UUID,
    created_on  DATE         NOT NULL
);

CREATE TABLE polls_poll_team (
    poll_id UUID NOT NULL,
    team_id UUID NOT NULL,
    PRIMARY KEY (poll_id, team_id),
    CONSTRAINT polls_poll_team_poll_fk FOREIGN KEY (poll_id) REFERENCES polls_poll (id) ON DELETE CASCADE
);

CREATE TABLE polls_question (
    poll_id  UUID         NOT NULL,
    position INT          NOT NULL,
    kind     VARCHAR(16)  NOT NULL,
    text     VARCHAR(300) NOT NULL,
    role     VARCHAR(32),
    PRIMARY KEY (poll_id, position),
    CONSTRAINT polls_question_poll_fk FOREIGN KEY (poll_id) REFERENCES polls_poll (id) ON DELETE CASCADE
);

CREATE TABLE polls_choice (
    poll_id  UUID         NOT NULL,
    question INT          NOT NULL,
    position INT          NOT NULL,
    label    VARCHAR(200) NOT NULL,
    PRIMARY KEY (poll_id, question, position),
    CONSTRAINT polls_choice_question_fk FOREIGN KEY (poll_id, question)
        REFERENCES polls_question (poll_id, position) ON DELETE CASCADE
);

CREATE TABLE polls_round (
    id        UUID    NOT NULL PRIMARY KEY,
    poll_id   UUID    NOT NULL,
    number    INT     NOT NULL,
    opens_on  DATE    NOT NULL,
    closes_on DATE    NOT NULL,
    opened    BOOLEAN NOT NULL,
    reminded  BOOLEAN NOT NULL,
    closed    BOOLEAN NOT NULL,
    CONSTRAINT polls_round_poll_fk FOREIGN KEY (poll_id) REFERENCES polls_poll (id) ON DELETE CASCADE,
    CONSTRAINT polls_round_number_unique UNIQUE (poll_id, number)
);
CREATE INDEX polls_round_due_idx ON polls_round (closed, opens_on);

-- Who was asked in a round: the poll's teams (or everyone) on the day it opened.
CREATE TABLE polls_invitee (
    round_id  UUID NOT NULL,
    person_id UUID NOT NULL,
    PRIMARY KEY (round_id, person_id),
    CONSTRAINT polls_invitee_round_fk FOREIGN KEY (round_id) REFERENCES polls_round (id) ON DELETE CASCADE
);

-- The participation marker: this person has answered this round. Nothing else: no time, no answer.
CREATE TABLE polls_participation (
    round_id  UUID NOT NULL,
    person_id UUID NOT NULL,
    PRIMARY KEY (round_id, person_id),
    CONSTRAINT polls_participation_round_fk FOREIGN KEY (round_id) REFERENCES polls_round (id) ON DELETE CASCADE
);

-- How many of a round's respondents chose each choice. No person, no time, no order.
CREATE TABLE polls_tally (
    round_id UUID NOT NULL,
    question INT  NOT NULL,
    choice   INT  NOT NULL,
    answers  INT  NOT NULL,
    PRIMARY KEY (round_id, question, choice),
    CONSTRAINT polls_tally_round_fk FOREIGN KEY (round_id) REFERENCES polls_round (id) ON DELETE CASCADE
);
