-- Audit events are sealed into the hash chain after their transaction commits, by a sealer that alone locks
-- AUDIT_CHAIN_HEAD (AuditSealing), instead of by every audited transaction: the head's row lock was held through
-- each transaction's XA commit, so every audited action of the bank waited in one line (docs/performance.md,
-- "What limits it"). An event commits with its action without SEQ_NO / PREV_HASH / HASH and gets them about a
-- second later.
ALTER TABLE AUDIT_EVENT MODIFY SEQ_NO NULL;
ALTER TABLE AUDIT_EVENT MODIFY PREV_HASH NULL;
ALTER TABLE AUDIT_EVENT MODIFY HASH NULL;

-- A sealed event carries all three, an unsealed one none.
ALTER TABLE AUDIT_EVENT ADD CONSTRAINT CK_AUDIT_EVENT_SEALED CHECK (
  (SEQ_NO IS NULL AND PREV_HASH IS NULL AND HASH IS NULL)
  OR (SEQ_NO IS NOT NULL AND PREV_HASH IS NOT NULL AND HASH IS NOT NULL));

-- The sealer's work list: events without a sequence number, by id. ID is in the key because Oracle leaves a row out
-- of a B-tree index when all its key columns are NULL.
CREATE INDEX IX_AUDIT_EVENT_UNSEALED ON AUDIT_EVENT (SEQ_NO, ID);
