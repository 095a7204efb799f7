-- The read-only role BI tools log in with: netmarket_bi may read every table and view of
-- schema netmarket (now and later) and nothing else. It is created without LOGIN: the job
-- gives it a password and LOGIN when NETMARKET_BI_PASSWORD is set (org.netmarket.warehouse.BiRole),
-- so that no password is ever written in a migration or in the repository.
--
-- Roles belong to the whole server, grants to one database: a second warehouse database on
-- the same server finds the role and only grants. A migrating user without CREATEROLE cannot
-- create it; the migration then says so (NOTICE) instead of failing, because publishing scores
-- must not depend on it. A database administrator then runs, in the warehouse database:
--   CREATE ROLE netmarket_bi NOLOGIN;
--   GRANT USAGE ON SCHEMA netmarket TO netmarket_bi;
--   GRANT SELECT ON ALL TABLES IN SCHEMA netmarket TO netmarket_bi;
--   ALTER DEFAULT PRIVILEGES FOR ROLE <the job's user> IN SCHEMA netmarket GRANT SELECT ON TABLES TO netmarket_bi;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'netmarket_bi') THEN
        BEGIN
            CREATE ROLE netmarket_bi NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN
                NULL; -- created meanwhile by the migration of another warehouse database on the server
            WHEN insufficient_privilege THEN
                RAISE NOTICE 'role netmarket_bi was not created (%: %); ask a database administrator to create it and grant read access (see V5__bi_role.sql)',
                    current_user, SQLERRM;
                RETURN;
        END;
    END IF;

    -- Read only, by privileges: USAGE lets it see the schema's objects, SELECT read them. No
    -- INSERT, UPDATE, DELETE, TRUNCATE, and no CREATE on the schema.
    GRANT USAGE ON SCHEMA netmarket TO netmarket_bi;
    -- ALL TABLES includes views.
    GRANT SELECT ON ALL TABLES IN SCHEMA netmarket TO netmarket_bi;
    -- Tables and views that later migrations create (as this same user) are readable too,
    -- without every migration having to remember a GRANT.
    ALTER DEFAULT PRIVILEGES IN SCHEMA netmarket GRANT SELECT ON TABLES TO netmarket_bi;

    -- And read only by default for its sessions: a second line of defence should a write
    -- privilege ever be granted by mistake; it also stops temporary tables.
    BEGIN
        ALTER ROLE netmarket_bi SET default_transaction_read_only = on;
    EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'netmarket_bi: cannot set default_transaction_read_only (%: %); its privileges keep it read-only',
            current_user, SQLERRM;
    END;
END
$$;
