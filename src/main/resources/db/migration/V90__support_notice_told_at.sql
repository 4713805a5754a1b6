-- Coordinators hear once a day that requests wait for a supporter: told_at marks a waiting notice as told, so that
-- each request that started waiting is in one daily notice, not in every one after it.
ALTER TABLE support_notice ADD COLUMN told_at TIMESTAMP WITH TIME ZONE;
