-- A notification target may take only the incidents of some services, or of the services some
-- teams own (decision 0068): null takes every service's, as before. The ids are checked to be the
-- org's when written; a team a target routes by cannot be deleted (409), and services are never
-- deleted, so a list never names a row that is gone.
ALTER TABLE notification_targets
  ADD COLUMN service_ids uuid[] CHECK (cardinality(service_ids) BETWEEN 1 AND 100),
  ADD COLUMN team_ids uuid[] CHECK (cardinality(team_ids) BETWEEN 1 AND 100);
