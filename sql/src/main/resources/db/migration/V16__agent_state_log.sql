-- Agent state log (issue 6, agent performance): ids of ACD_AGENT_STATE_LOG rows, and the index that finds an agent's
-- open row (ENDED_AT null) when the next state change closes it. STAFF_ID is never null, so Oracle indexes the open
-- rows too; without it a change would scan all of the agent's history.

CREATE SEQUENCE ACD_AGENT_STATE_LOG_SEQ START WITH 1000 INCREMENT BY 1;
CREATE INDEX IX_ACD_AGENT_STATE_LOG_OPEN ON ACD_AGENT_STATE_LOG (STAFF_ID, ENDED_AT);
