-- A support request made by a check-in answer remembers that answer: one request per answer, however often the
-- answer's event is delivered (an instance that died mid-delivery has it delivered again by another, decision 0043).
ALTER TABLE support_request ADD COLUMN answer_id UUID;
ALTER TABLE support_request ADD CONSTRAINT support_request_answer_once UNIQUE (answer_id);
