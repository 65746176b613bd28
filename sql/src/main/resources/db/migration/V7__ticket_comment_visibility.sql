-- A comment on a ticket is either internal (staff only) or visible to the customer.
-- NULL on every other kind of timeline entry.
ALTER TABLE TICKET_EVENT ADD VISIBILITY VARCHAR2(10 CHAR);
ALTER TABLE TICKET_EVENT ADD CONSTRAINT CK_TICKET_EVENT_VISIBILITY CHECK (VISIBILITY IN ('INTERNAL', 'CUSTOMER'));
