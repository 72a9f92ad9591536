-- A plan's MPS model is kept gzipped by the platform (model_mps_gzip), compressed while the solver runs: a
-- 60-hub plan's model is 20 MB of text, and PostgreSQL's own compression of it held the plan's save for half a
-- second. Already compressed, it is stored as it is (EXTERNAL: out of line, not compressed again). Plans saved
-- before keep their text in model_mps.
ALTER TABLE allocation.plan
    ALTER COLUMN model_mps DROP NOT NULL,
    ADD COLUMN model_mps_gzip bytea,
    ADD CONSTRAINT plan_model_kept CHECK (model_mps IS NOT NULL OR model_mps_gzip IS NOT NULL);

ALTER TABLE allocation.plan ALTER COLUMN model_mps_gzip SET STORAGE EXTERNAL;
