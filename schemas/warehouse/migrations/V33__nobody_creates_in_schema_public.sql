-- On PostgreSQL 14 and older every role may create objects in schema public (15 took CREATE on
-- it from PUBLIC): so could the BI role, which is to read and nothing else. Besides tables of its
-- own, it could create functions or operators there that a session searching public prefers to
-- the built-in ones they overload (CVE-2018-1058), and the job's sessions searched public until
-- this version (they now search netmarket alone). Take CREATE on schema public from PUBLIC, as
-- PostgreSQL 15 does in a new database. A migrating user that does not own schema public gets a
-- WARNING and the migration goes on; an administrator then runs, in the warehouse database:
--   REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- (V5's default_transaction_read_only stops temporary tables only while a session keeps that
-- default; temporary objects are the session's own and reach no other session.)
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'public') THEN
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    END IF;
END
$$;
