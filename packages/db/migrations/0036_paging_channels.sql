-- Pages to people go out through their contact methods: SMS and voice join the channels, and an
-- attempt to a person records which contact method (and which rule delay) it went through.

ALTER TYPE notification_channel ADD VALUE 'sms';
ALTER TYPE notification_channel ADD VALUE 'voice';

-- Notification targets keep their three types; only people's contact methods text or call.
ALTER TABLE notification_targets
  ADD CONSTRAINT notification_targets_type_check CHECK (type IN ('webhook', 'email', 'slack'));

-- Attempts made before contact methods existed went to the account email: contact_method_id null.
ALTER TABLE notification_attempts
  ADD COLUMN contact_method_id uuid REFERENCES contact_methods (id) ON DELETE SET NULL,
  ADD COLUMN delay_minutes integer,
  DROP CONSTRAINT notification_attempts_event_user_key;

-- One attempt per page event, person and rule (a contact method may serve several rules at
-- different delays): a re-run of the same page records nothing twice.
CREATE UNIQUE INDEX notification_attempts_event_user_rule_key
  ON notification_attempts (org_id, event_id, user_id, contact_method_id, delay_minutes)
  WHERE user_id IS NOT NULL;
