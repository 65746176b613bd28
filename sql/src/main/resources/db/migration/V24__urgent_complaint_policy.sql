-- Urgent complaints had no policy of their own and fell back to the plain complaint policy (4 h / 35 h), laxer than
-- the high-priority one (2 h / 21 h): a repeat complaint, or one raised by its escalation chain (V22), got *more* time.
-- Urgent complaints now get the strictest complaint targets: first response 1 h, next update 4 h, resolution 14 h of
-- working time, on the complaints chain.
INSERT INTO SLA_POLICY (ID, NAME, TICKET_TYPE, PRIORITY, FIRST_RESPONSE_SECONDS, NEXT_UPDATE_SECONDS, RESOLUTION_SECONDS, ESCALATION_CHAIN_ID)
  VALUES (9, '投诉 · 紧急', 'COMPLAINT', 'URGENT', 3600, 14400, 50400, 2);
