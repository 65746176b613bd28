-- Report read model (issue 6, ADR 0012): interval aggregates the reports read instead of scanning raw rows. They are
-- maintained incrementally and off the hot path: the transaction that changes a contact, an agent's state or a ticket
-- appends a row to REPORT_FACT_PENDING (a distinct row per change, so no contention with other seats); a roll-up on
-- every node folds pending facts into the aggregates. A node claims a fact by deleting its pending row (one DELETE
-- wins) in the same transaction that adds it to the aggregates, so a fact counts exactly once even with 2 nodes.

CREATE SEQUENCE REPORT_FACT_SEQ START WITH 1000 INCREMENT BY 50;

-- FACT: CONTACT (an ACD interaction reached its outcome), AGENT_STATE (an ACD_AGENT_STATE_LOG entry closed),
-- TICKET (a ticket was logged, closed, reopened or an SLA clock met/breached; REF_ID = ticket id, DETAIL says which).
CREATE TABLE REPORT_FACT_PENDING (
  ID          NUMBER(19)         NOT NULL,
  FACT        VARCHAR2(16 CHAR)  NOT NULL,
  REF_ID      NUMBER(19)         NOT NULL,
  DETAIL      VARCHAR2(32 CHAR),
  CREATED_AT  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT PK_REPORT_FACT_PENDING PRIMARY KEY (ID),
  CONSTRAINT CK_REPORT_FACT_KIND CHECK (FACT IN ('CONTACT', 'AGENT_STATE', 'TICKET'))
);
CREATE INDEX IX_REPORT_FACT_PENDING ON REPORT_FACT_PENDING (FACT, CREATED_AT);

-- Per queue, channel and 30-minute interval (UTC-aligned; INTERVAL_START is the interval of the contact's outcome —
-- answered or abandoned — as docs/metrics.md defines). Seconds are sums; averages are sums / counts in the report.
CREATE TABLE ACD_INTERVAL_STAT (
  QUEUE_ID              NUMBER(19)        NOT NULL,
  INTERVAL_START        TIMESTAMP WITH TIME ZONE NOT NULL,
  CHANNEL               VARCHAR2(8 CHAR)  NOT NULL,
  OFFERED               NUMBER(10)        DEFAULT 0 NOT NULL,
  ANSWERED              NUMBER(10)        DEFAULT 0 NOT NULL,
  ANSWERED_WITHIN       NUMBER(10)        DEFAULT 0 NOT NULL,
  ABANDONED             NUMBER(10)        DEFAULT 0 NOT NULL,
  ABANDONED_WITHIN      NUMBER(10)        DEFAULT 0 NOT NULL,
  TRANSFERRED           NUMBER(10)        DEFAULT 0 NOT NULL,
  ANSWER_WAIT_SECONDS   NUMBER(14)        DEFAULT 0 NOT NULL,
  ABANDON_WAIT_SECONDS  NUMBER(14)        DEFAULT 0 NOT NULL,
  MAX_WAIT_SECONDS      NUMBER(10)        DEFAULT 0 NOT NULL,
  TALK_SECONDS          NUMBER(14)        DEFAULT 0 NOT NULL,
  WRAP_SECONDS          NUMBER(14)        DEFAULT 0 NOT NULL,
  CONSTRAINT PK_ACD_INTERVAL_STAT PRIMARY KEY (QUEUE_ID, INTERVAL_START, CHANNEL),
  CONSTRAINT FK_ACD_INTERVAL_STAT_QUEUE FOREIGN KEY (QUEUE_ID) REFERENCES ACD_QUEUE (ID)
);
CREATE INDEX IX_ACD_INTERVAL_STAT_START ON ACD_INTERVAL_STAT (INTERVAL_START);

-- Every state an agent was in, with its reason code; ENDED_AT is null for the current one. Appended by the state
-- change itself (one row per seat), read by the agent report and rolled up into ACD_AGENT_INTERVAL_STAT when it ends.
CREATE TABLE ACD_AGENT_STATE_LOG (
  ID           NUMBER(19)          NOT NULL,
  STAFF_ID     NUMBER(19)          NOT NULL,
  BRANCH_PATH  VARCHAR2(400 CHAR)  NOT NULL,
  STATE        VARCHAR2(12 CHAR)   NOT NULL,
  REASON_CODE  VARCHAR2(32 CHAR),
  STARTED_AT   TIMESTAMP WITH TIME ZONE NOT NULL,
  ENDED_AT     TIMESTAMP WITH TIME ZONE,
  CONSTRAINT PK_ACD_AGENT_STATE_LOG PRIMARY KEY (ID),
  CONSTRAINT FK_ACD_AGENT_STATE_LOG_STAFF FOREIGN KEY (STAFF_ID) REFERENCES STAFF (ID)
);
CREATE INDEX IX_ACD_AGENT_STATE_LOG_STAFF ON ACD_AGENT_STATE_LOG (STAFF_ID, STARTED_AT);

-- Time per agent, 30-minute interval, state and reason code ('-' when the state has none), split at interval edges.
CREATE TABLE ACD_AGENT_INTERVAL_STAT (
  STAFF_ID        NUMBER(19)          NOT NULL,
  INTERVAL_START  TIMESTAMP WITH TIME ZONE NOT NULL,
  STATE           VARCHAR2(12 CHAR)   NOT NULL,
  REASON_CODE     VARCHAR2(32 CHAR)   NOT NULL,
  BRANCH_PATH     VARCHAR2(400 CHAR)  NOT NULL,
  MILLIS          NUMBER(14)          DEFAULT 0 NOT NULL,
  CONSTRAINT PK_ACD_AGENT_INTERVAL_STAT PRIMARY KEY (STAFF_ID, INTERVAL_START, STATE, REASON_CODE)
);
CREATE INDEX IX_ACD_AGENT_INTERVAL_START ON ACD_AGENT_INTERVAL_STAT (INTERVAL_START, BRANCH_PATH);

-- Contacts an agent handled per 30-minute interval of the answer, with talk time (wrap-up time is the WRAP_UP state's).
CREATE TABLE ACD_AGENT_CONTACT_STAT (
  STAFF_ID        NUMBER(19)          NOT NULL,
  INTERVAL_START  TIMESTAMP WITH TIME ZONE NOT NULL,
  BRANCH_PATH     VARCHAR2(400 CHAR)  NOT NULL,
  HANDLED         NUMBER(10)          DEFAULT 0 NOT NULL,
  TALK_SECONDS    NUMBER(14)          DEFAULT 0 NOT NULL,
  CONSTRAINT PK_ACD_AGENT_CONTACT_STAT PRIMARY KEY (STAFF_ID, INTERVAL_START)
);
CREATE INDEX IX_ACD_AGENT_CONTACT_START ON ACD_AGENT_CONTACT_STAT (INTERVAL_START, BRANCH_PATH);

-- Tickets per owning branch, business day (Asia/Shanghai date), category, type and channel. LOGGED counts on the day
-- of creation; CLOSED, CLOSED_FIRST_CONTACT and CLOSE_SECONDS on the day of closing; REOPENED on the day of reopening.
CREATE TABLE TICKET_DAILY_STAT (
  BRANCH_ID             NUMBER(19)          NOT NULL,
  STAT_DAY              DATE                NOT NULL,
  CATEGORY_ID           NUMBER(19)          NOT NULL,
  TICKET_TYPE           VARCHAR2(24 CHAR)   NOT NULL,
  CHANNEL               VARCHAR2(16 CHAR)   NOT NULL,
  BRANCH_PATH           VARCHAR2(400 CHAR)  NOT NULL,
  LOGGED                NUMBER(10)          DEFAULT 0 NOT NULL,
  CLOSED                NUMBER(10)          DEFAULT 0 NOT NULL,
  CLOSED_FIRST_CONTACT  NUMBER(10)          DEFAULT 0 NOT NULL,
  REOPENED              NUMBER(10)          DEFAULT 0 NOT NULL,
  CLOSE_SECONDS         NUMBER(16)          DEFAULT 0 NOT NULL,
  CONSTRAINT PK_TICKET_DAILY_STAT PRIMARY KEY (BRANCH_ID, STAT_DAY, CATEGORY_ID, TICKET_TYPE, CHANNEL)
);
CREATE INDEX IX_TICKET_DAILY_STAT_DAY ON TICKET_DAILY_STAT (STAT_DAY, BRANCH_PATH);

-- SLA outcomes per owning branch, business day of the outcome (met or breached), category and metric.
CREATE TABLE SLA_DAILY_STAT (
  BRANCH_ID    NUMBER(19)          NOT NULL,
  STAT_DAY     DATE                NOT NULL,
  CATEGORY_ID  NUMBER(19)          NOT NULL,
  METRIC       VARCHAR2(16 CHAR)   NOT NULL,
  BRANCH_PATH  VARCHAR2(400 CHAR)  NOT NULL,
  MET          NUMBER(10)          DEFAULT 0 NOT NULL,
  BREACHED     NUMBER(10)          DEFAULT 0 NOT NULL,
  CONSTRAINT PK_SLA_DAILY_STAT PRIMARY KEY (BRANCH_ID, STAT_DAY, CATEGORY_ID, METRIC)
);
CREATE INDEX IX_SLA_DAILY_STAT_DAY ON SLA_DAILY_STAT (STAT_DAY, BRANCH_PATH);
