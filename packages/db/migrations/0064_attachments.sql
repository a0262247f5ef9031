-- Evidence attached to incidents. The bytes live in object storage (a directory under the data
-- dir, or an S3-compatible bucket) under storage_key; the database keeps what describes them.
CREATE TABLE incident_attachments (
  org_id       uuid NOT NULL,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  incident_id  uuid NOT NULL,
  -- Sanitised: no path, no control characters.
  file_name    text NOT NULL,
  -- Sniffed from the bytes, never taken from the upload.
  content_type text NOT NULL,
  size_bytes   bigint NOT NULL CHECK (size_bytes >= 0),
  sha256       text NOT NULL,
  storage_key  text NOT NULL,
  uploaded_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, incident_id) REFERENCES incidents (org_id, id)
);
CREATE INDEX incident_attachments_incident_idx ON incident_attachments (org_id, incident_id, created_at, id);

ALTER TABLE incident_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE incident_attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON incident_attachments USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
