-- Responder analytics count a page when its first notification was sent, not when it was made:
-- the pages in a window are read from the notifications to people that succeeded, by the time
-- they were sent (analytics/repository.ts, responderMetrics).
DROP INDEX notification_attempts_pages_idx;
CREATE INDEX notification_attempts_pages_sent_idx ON notification_attempts (org_id, completed_at) INCLUDE (user_id, event_id)
  WHERE user_id IS NOT NULL AND status = 'succeeded';
