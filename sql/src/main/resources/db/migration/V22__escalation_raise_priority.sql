-- An escalation level may raise the ticket's priority (issue 5: actions notify, reassign, raise priority). NULL = keep
-- it. Raising never lowers: a ticket already at or above the level's priority stays as it is.
ALTER TABLE ESCALATION_LEVEL ADD RAISE_PRIORITY VARCHAR2(12 CHAR);
ALTER TABLE ESCALATION_LEVEL ADD CONSTRAINT CK_ESCALATION_LEVEL_RAISE CHECK (RAISE_PRIORITY IN ('LOW', 'NORMAL', 'HIGH', 'URGENT'));

-- A complaint that breached its first level becomes urgent when headquarters is told (the complaints chain).
UPDATE ESCALATION_LEVEL SET RAISE_PRIORITY = 'URGENT' WHERE CHAIN_ID = 2 AND LEVEL_NO = 1;
