-- Dispatch outbox (ADR 0019): intake commits a ticket with a row here, in a transaction of the database alone, and
-- sends the "tickets created" message after that commit instead of inside it (a two-phase commit with the broker cost
-- intake more than the ticket's own statements). The row stays until a dispatch message takes charge of the ticket
-- (TicketDispatch deletes it in the consumer's transaction). A row that stays longer than a few minutes means its
-- message was lost with a crash or a broker outage, and DispatchOutboxSweeper sends it again.
CREATE TABLE TICKET_DISPATCH_OUTBOX (
  TICKET_ID  NUMBER(19)               NOT NULL,
  LOGGED_AT  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT PK_TICKET_DISPATCH_OUTBOX PRIMARY KEY (TICKET_ID),
  CONSTRAINT FK_TICKET_DISPATCH_OUTBOX FOREIGN KEY (TICKET_ID) REFERENCES TICKET (ID)
);
CREATE INDEX IX_TICKET_DISPATCH_OUTBOX_AGE ON TICKET_DISPATCH_OUTBOX (LOGGED_AT);
