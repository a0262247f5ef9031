-- A read by a signed-in person presumes the role their access token names and checks it with the
-- call's first statement, in its message (bench/README.md): this scopes the transaction as
-- app_enter_user_scope does and fails it, so that nothing after it in the message runs, unless the
-- person is still a member of the org with exactly that role. The API then calls again the way
-- that reads the role first, which answers what a removed member or a changed role gets.
CREATE FUNCTION app_enter_user_scope_as(p_org uuid, p_user uuid, p_role org_role) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF app_enter_user_scope(p_org, p_user) IS DISTINCT FROM p_role THEN
    RAISE EXCEPTION 'the membership is not the one the access token names' USING ERRCODE = 'IO401';
  END IF;
END
$$;
