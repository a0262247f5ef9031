-- Contact methods and notification rules: how a person is paged, and when. They belong to the
-- person, like users and user_notification_preferences (no org_id, no row-level security): the
-- same rules page them for whichever org's incident needs them. The API reads and changes only
-- the caller's own rows; the worker reads those of the people it pages.

CREATE TYPE contact_method_type AS ENUM ('email', 'slack', 'webhook', 'sms', 'voice');

CREATE TABLE contact_methods (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  type             contact_method_type NOT NULL,
  name             text NOT NULL,
  -- An email address, a Slack incoming-webhook URL, a webhook URL or an E.164 phone number.
  address          text NOT NULL,
  -- A webhook's Standard Webhooks signing secret (whsec_..., shown once); null for other types.
  secret           text,
  -- The account's email: there from the start (see the trigger below), never deleted.
  is_account_email boolean NOT NULL DEFAULT false,
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (user_id, id),
  CHECK ((type = 'webhook') = (secret IS NOT NULL))
);
CREATE UNIQUE INDEX contact_methods_address_key ON contact_methods (user_id, type, address);
CREATE UNIQUE INDEX contact_methods_account_email_key ON contact_methods (user_id) WHERE is_account_email;

-- When a person is paged, each rule sends to its contact method after its delay, unless the
-- incident was acknowledged by then. `position` is the rule order (by delay, then as given).
CREATE TABLE notification_rules (
  user_id           uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  position          integer NOT NULL CHECK (position >= 0),
  contact_method_id uuid NOT NULL,
  delay_minutes     integer NOT NULL CHECK (delay_minutes BETWEEN 0 AND 1440),
  PRIMARY KEY (user_id, position),
  UNIQUE (user_id, contact_method_id, delay_minutes),
  -- A rule names one of its own person's contact methods.
  FOREIGN KEY (user_id, contact_method_id) REFERENCES contact_methods (user_id, id) ON DELETE CASCADE
);

-- Every person starts with their account email as a contact method and one rule: that email,
-- immediately. A trigger, so that every way of creating a person (sign-up, an accepted
-- invitation, a seed script) gets them.
CREATE FUNCTION app_add_account_email_contact() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  method_id uuid;
BEGIN
  INSERT INTO contact_methods (user_id, type, name, address, is_account_email)
  VALUES (NEW.id, 'email', 'Account email', NEW.email, true)
  RETURNING id INTO method_id;
  INSERT INTO notification_rules (user_id, position, contact_method_id, delay_minutes)
  VALUES (NEW.id, 0, method_id, 0);
  RETURN NULL;
END
$$;

CREATE TRIGGER users_account_email_contact AFTER INSERT ON users
  FOR EACH ROW EXECUTE FUNCTION app_add_account_email_contact();

-- The people who exist already.
INSERT INTO contact_methods (user_id, type, name, address, is_account_email)
SELECT id, 'email', 'Account email', email, true FROM users;
INSERT INTO notification_rules (user_id, position, contact_method_id, delay_minutes)
SELECT user_id, 0, id, 0 FROM contact_methods WHERE is_account_email;
