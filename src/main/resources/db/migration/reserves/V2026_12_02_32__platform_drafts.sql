-- The platform drafts a release request for a member after a price alert (a response proposal): the request waits
-- as a DRAFT for the member's focal point; a dismissed proposal withdraws it. Whoever prepared the proposal (the
-- analyst who sent it) may not approve or reject the request.
ALTER TABLE reserves.release_request DROP CONSTRAINT release_request_status_check;
ALTER TABLE reserves.release_request ADD CONSTRAINT release_request_status_check
    CHECK (status IN ('DRAFT', 'SUBMITTED', 'ASSESSED', 'APPROVED', 'REJECTED', 'DISPATCHED', 'DELIVERED', 'CLOSED',
                      'WITHDRAWN'));
ALTER TABLE reserves.release_request ADD COLUMN prepared_by text;
