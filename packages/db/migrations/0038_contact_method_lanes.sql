-- A page through a contact method has its own delivery lane (docs/decisions/0020-delivery-lanes.md):
-- a person's SMS, voice, email and webhook are different receivers, each with its own breaker and
-- its own order, so a failing webhook of theirs never holds back their text messages.
ALTER TABLE notification_attempts ALTER COLUMN recipient_id SET EXPRESSION AS (coalesce(target_id, contact_method_id, user_id));
