-- A deleted contact method is kept, marked deleted, so that incidents' paging history keeps who was
-- paged how, and each page keeps its lane (recipient_id) and its place in
-- notification_attempts_event_user_rule_key (decision 0058). Its address is personal data: the
-- delete replaces it with the masked form history shows, and erases a webhook's signing secret.
ALTER TABLE contact_methods
  ADD COLUMN deleted_at timestamptz(3),
  ADD CONSTRAINT contact_methods_account_email_kept CHECK (deleted_at IS NULL OR NOT is_account_email);

-- The same address may be added again once the method that had it was deleted.
DROP INDEX contact_methods_address_key;
CREATE UNIQUE INDEX contact_methods_address_key ON contact_methods (user_id, type, address) WHERE deleted_at IS NULL;

-- History outlives its contact method: deleting a method's row would now be refused, not take the
-- method out of its pages (ON DELETE SET NULL moved them to another lane, under no method). A
-- person's own deletion still takes their pages with them (notification_attempts.user_id cascades).
ALTER TABLE notification_attempts
  DROP CONSTRAINT notification_attempts_contact_method_id_fkey,
  ADD CONSTRAINT notification_attempts_contact_method_id_fkey FOREIGN KEY (contact_method_id) REFERENCES contact_methods (id);

-- Pages still pending through a method deleted before now lost it (contact_method_id became null):
-- they could never be sent, and end as the delete now ends them.
UPDATE notification_attempts
   SET status = 'cancelled', note = 'not sent: the contact method was deleted', updated_at = now(), completed_at = now()
 WHERE status = 'pending' AND user_id IS NOT NULL AND delay_minutes IS NOT NULL AND contact_method_id IS NULL;
