-- A person's call enters its org's scope and reads their role there in one round trip instead of
-- two (the API does this on every authenticated request; bench/README.md). The settings are made
-- first, then the membership is read under them: a PL/pgSQL body runs its statements in order,
-- and with the caller's rights, so row-level security applies exactly as to a separate SELECT.
CREATE FUNCTION app_enter_user_scope(p_org uuid, p_user uuid) RETURNS org_role
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM set_config('app.org_id', p_org::text, true),
          set_config('app.user_id', p_user::text, true),
          set_config('app.lookup_hash', '', true),
          set_config('app.routing_key', '', true);
  RETURN (SELECT m.role FROM org_members m WHERE m.org_id = p_org AND m.user_id = p_user);
END
$$;
