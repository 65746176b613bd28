-- Sub-tasks (协办任务): a team working a ticket sends parts of the work to other departments or branches in parallel,
-- up or down the hierarchy. The parent ticket stays with its team, which resolves it once every sub-task is done
-- (automatically, unless it is a complaint: a complaint's resolution needs its root cause, which only people give).
-- Sub-tasks are not tickets: they have no SLA clocks, no return visits and do not count in the ticket reports.
CREATE SEQUENCE TICKET_TASK_SEQ START WITH 1000 INCREMENT BY 50;

CREATE TABLE TICKET_TASK (
  ID           NUMBER(19)          NOT NULL,
  TICKET_ID    NUMBER(19)          NOT NULL,
  SEQ_NO       NUMBER(10)          NOT NULL,
  TEAM_ID      NUMBER(19)          NOT NULL,
  STATUS       VARCHAR2(16 CHAR)   NOT NULL,
  INSTRUCTION  VARCHAR2(1000 CHAR) NOT NULL,
  RESULT       VARCHAR2(1000 CHAR),
  CREATED_BY   VARCHAR2(64 CHAR)   NOT NULL,
  CREATED_AT   TIMESTAMP WITH TIME ZONE NOT NULL,
  HANDLED_BY   VARCHAR2(64 CHAR),
  UPDATED_AT   TIMESTAMP WITH TIME ZONE NOT NULL,
  VERSION      NUMBER(10)          DEFAULT 0 NOT NULL,
  CONSTRAINT PK_TICKET_TASK PRIMARY KEY (ID),
  CONSTRAINT UK_TICKET_TASK_SEQ UNIQUE (TICKET_ID, SEQ_NO),
  CONSTRAINT FK_TICKET_TASK_TICKET FOREIGN KEY (TICKET_ID) REFERENCES TICKET (ID),
  CONSTRAINT FK_TICKET_TASK_TEAM FOREIGN KEY (TEAM_ID) REFERENCES TEAM (ID)
);

-- A team's open sub-tasks (its workload), oldest first.
CREATE INDEX IX_TICKET_TASK_TEAM ON TICKET_TASK (TEAM_ID, STATUS, CREATED_AT);
