-- The token each refresh token was last exchanged for. A token presented again shortly after its
-- rotation, whose successor was never used, is exchanged again (the answer of the first exchange
-- was lost: decision 0055) instead of ending the session as theft; that needs to know which token
-- succeeded it. Tokens rotated before this migration have none: presenting them again stays theft.
ALTER TABLE refresh_tokens ADD COLUMN successor_id uuid REFERENCES refresh_tokens (id) ON DELETE SET NULL;
