-- An escalation level may require an acknowledgement (确认): its notifications ask the people told to confirm they have
-- taken the matter on; the first confirmation stops the chain for that clock (later levels do not fire), like an
-- on-call page that stops escalating once answered. Without one, the chain goes on as scheduled.
ALTER TABLE ESCALATION_LEVEL ADD ACK_REQUIRED NUMBER(1) DEFAULT 0 NOT NULL;
ALTER TABLE NOTIFICATION ADD ACK_REQUIRED NUMBER(1) DEFAULT 0 NOT NULL;
ALTER TABLE NOTIFICATION ADD ACKED_AT TIMESTAMP WITH TIME ZONE;
ALTER TABLE SLA_CLOCK ADD ACKNOWLEDGED_AT TIMESTAMP WITH TIME ZONE;
ALTER TABLE SLA_CLOCK ADD ACKNOWLEDGED_BY VARCHAR2(64 CHAR);
