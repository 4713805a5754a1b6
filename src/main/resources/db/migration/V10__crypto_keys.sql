-- Crypto: one Tink keyset per person, encrypted with the master key (which lives outside the database).
-- A destroyed key (crypto-shredding) keeps its row, without keyset, so that no new key is made for that person.

CREATE TABLE crypto_person_key (
    person_id    UUID  NOT NULL PRIMARY KEY,
    keyset       BYTEA,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    destroyed_at TIMESTAMP WITH TIME ZONE
);
