-- Microsoft Teams (Workflows webhook, Adaptive Card), Discord and Mattermost incoming webhooks join
-- the notification target types (and so the delivery channels). The check compares text: a value
-- added to an enum cannot be used in the transaction that adds it.

ALTER TYPE notification_channel ADD VALUE 'teams';
ALTER TYPE notification_channel ADD VALUE 'discord';
ALTER TYPE notification_channel ADD VALUE 'mattermost';

ALTER TABLE notification_targets
  DROP CONSTRAINT notification_targets_type_check,
  ADD CONSTRAINT notification_targets_type_check
    CHECK (type::text IN ('webhook', 'email', 'slack', 'teams', 'discord', 'mattermost'));
