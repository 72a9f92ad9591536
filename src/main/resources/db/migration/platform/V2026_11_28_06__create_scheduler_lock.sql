-- ShedLock's lock rows: a scheduled job runs on one instance at a time, however many share the database.
CREATE SCHEMA IF NOT EXISTS platform;

CREATE TABLE platform.shedlock (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL
);
