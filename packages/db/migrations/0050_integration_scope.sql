-- An alert's routing key finds its integration and enters that org's scope in one round trip,
-- where setting the key, reading the integration and setting the org took three (and a
-- transaction around them two more): every ingested alert pays it (bench/README.md). As with
-- app_enter_user_scope, the body runs in order and with the caller's rights, so row-level
-- security reads the routing key exactly as for a separate SELECT. Within a caller's transaction
-- the org scope lasts to its end; called on its own, it ends with the statement.
CREATE FUNCTION app_enter_integration_scope(p_routing_key text) RETURNS SETOF integration_keys
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  presented integration_keys;
BEGIN
  PERFORM set_config('app.org_id', '', true),
          set_config('app.user_id', '', true),
          set_config('app.lookup_hash', '', true),
          set_config('app.routing_key', p_routing_key, true);
  SELECT * INTO presented FROM integration_keys k WHERE k.routing_key = p_routing_key;
  IF NOT FOUND THEN
    PERFORM set_config('app.routing_key', '', true);
    RETURN;
  END IF;
  PERFORM set_config('app.org_id', presented.org_id::text, true),
          set_config('app.routing_key', '', true);
  RETURN NEXT presented;
END
$$;
