-- An open action past its due date is told to its owner and the Secretariat once; this flag says it was.
ALTER TABLE engagements.action ADD COLUMN reminded_overdue boolean NOT NULL DEFAULT false;
