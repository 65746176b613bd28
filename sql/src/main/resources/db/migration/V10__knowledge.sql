-- Knowledge base (知识库): articles, their full-text versions, a home-made token index for search in
-- Chinese and English, and the links from tickets to the articles used on them.
-- Production may replace KB_TOKEN by an Oracle Text CONTEXT index (docs/knowledge.md); the table stays
-- the portable path that runs on H2's Oracle mode and on Oracle alike.

CREATE SEQUENCE KB_ARTICLE_SEQ START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE KB_ARTICLE_VERSION_SEQ START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE KB_ARTICLE_LINK_SEQ START WITH 1000 INCREMENT BY 50;

-- The current state of an article. CURRENT_VERSION_NO names its current row in KB_ARTICLE_VERSION;
-- TITLE/BODY/TAGS repeat that row so that reading an article never touches the history.
-- CATEGORY_ID reuses the ticket category tree, so a ticket's category suggests its articles.
CREATE TABLE KB_ARTICLE (
  ID                 NUMBER(19)          NOT NULL,
  TITLE              VARCHAR2(200 CHAR)  NOT NULL,
  BODY               CLOB                NOT NULL,
  TAGS               VARCHAR2(400 CHAR),
  CATEGORY_ID        NUMBER(19),
  LANGUAGE           VARCHAR2(8 CHAR)    NOT NULL,
  VISIBILITY         VARCHAR2(10 CHAR)   NOT NULL,
  STATUS             VARCHAR2(10 CHAR)   NOT NULL,
  CURRENT_VERSION_NO NUMBER(10)          NOT NULL,
  USE_COUNT          NUMBER(10)          DEFAULT 0 NOT NULL,
  CREATED_BY         VARCHAR2(64 CHAR)   NOT NULL,
  CREATED_AT         TIMESTAMP WITH TIME ZONE NOT NULL,
  UPDATED_BY         VARCHAR2(64 CHAR)   NOT NULL,
  UPDATED_AT         TIMESTAMP WITH TIME ZONE NOT NULL,
  VERSION            NUMBER(10)          DEFAULT 0 NOT NULL,
  CONSTRAINT PK_KB_ARTICLE PRIMARY KEY (ID),
  CONSTRAINT FK_KB_ARTICLE_CATEGORY FOREIGN KEY (CATEGORY_ID) REFERENCES TICKET_CATEGORY (ID),
  CONSTRAINT CK_KB_ARTICLE_LANGUAGE CHECK (LANGUAGE IN ('zh_CN', 'en')),
  CONSTRAINT CK_KB_ARTICLE_VISIBILITY CHECK (VISIBILITY IN ('INTERNAL', 'PUBLIC')),
  CONSTRAINT CK_KB_ARTICLE_STATUS CHECK (STATUS IN ('DRAFT', 'PUBLISHED', 'ARCHIVED'))
);
CREATE INDEX IX_KB_ARTICLE_CATEGORY ON KB_ARTICLE (CATEGORY_ID);
CREATE INDEX IX_KB_ARTICLE_STATUS_UPDATED ON KB_ARTICLE (STATUS, UPDATED_AT);

-- Every save is a new row with the full text: who, when, which fields changed and why.
CREATE TABLE KB_ARTICLE_VERSION (
  ID              NUMBER(19)          NOT NULL,
  ARTICLE_ID      NUMBER(19)          NOT NULL,
  VERSION_NO      NUMBER(10)          NOT NULL,
  TITLE           VARCHAR2(200 CHAR)  NOT NULL,
  BODY            CLOB                NOT NULL,
  TAGS            VARCHAR2(400 CHAR),
  CATEGORY_ID     NUMBER(19),
  LANGUAGE        VARCHAR2(8 CHAR)    NOT NULL,
  VISIBILITY      VARCHAR2(10 CHAR)   NOT NULL,
  STATUS          VARCHAR2(10 CHAR)   NOT NULL,
  CHANGED_FIELDS  VARCHAR2(200 CHAR)  NOT NULL,
  CHANGE_NOTE     VARCHAR2(400 CHAR),
  EDITED_BY       VARCHAR2(64 CHAR)   NOT NULL,
  EDITED_AT       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT PK_KB_ARTICLE_VERSION PRIMARY KEY (ID),
  CONSTRAINT UK_KB_ARTICLE_VERSION_NO UNIQUE (ARTICLE_ID, VERSION_NO),
  CONSTRAINT FK_KB_ARTICLE_VERSION_ARTICLE FOREIGN KEY (ARTICLE_ID) REFERENCES KB_ARTICLE (ID)
);

-- The search index: one row per distinct token of an article's current title, tags and body
-- (character bigrams of CJK runs, lower-cased words of Latin runs), rewritten on every save in the
-- saving transaction. WEIGHT ranks a token found in the title or the tags above one in the body only.
-- STATUS, LANGUAGE, VISIBILITY and CATEGORY_ID repeat the article's (every save rewrites the rows
-- anyway), so that a search reads this table alone, without a join per matching token.
-- The primary key leads with TOKEN: a query is an index range scan per query token.
CREATE TABLE KB_TOKEN (
  TOKEN       VARCHAR2(64 CHAR)   NOT NULL,
  ARTICLE_ID  NUMBER(19)          NOT NULL,
  WEIGHT      NUMBER(3)           NOT NULL,
  STATUS      VARCHAR2(10 CHAR)   NOT NULL,
  LANGUAGE    VARCHAR2(8 CHAR)    NOT NULL,
  VISIBILITY  VARCHAR2(10 CHAR)   NOT NULL,
  CATEGORY_ID NUMBER(19),
  CONSTRAINT PK_KB_TOKEN PRIMARY KEY (TOKEN, ARTICLE_ID),
  CONSTRAINT FK_KB_TOKEN_ARTICLE FOREIGN KEY (ARTICLE_ID) REFERENCES KB_ARTICLE (ID)
);
CREATE INDEX IX_KB_TOKEN_ARTICLE ON KB_TOKEN (ARTICLE_ID);

-- An article used on a ticket (counted once per ticket). TICKET_NO, not an id: tickets are another context.
CREATE TABLE KB_ARTICLE_LINK (
  ID          NUMBER(19)          NOT NULL,
  ARTICLE_ID  NUMBER(19)          NOT NULL,
  TICKET_NO   VARCHAR2(24 CHAR)   NOT NULL,
  LINKED_BY   VARCHAR2(64 CHAR)   NOT NULL,
  LINKED_AT   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT PK_KB_ARTICLE_LINK PRIMARY KEY (ID),
  CONSTRAINT UK_KB_ARTICLE_LINK UNIQUE (TICKET_NO, ARTICLE_ID),
  CONSTRAINT FK_KB_ARTICLE_LINK_ARTICLE FOREIGN KEY (ARTICLE_ID) REFERENCES KB_ARTICLE (ID)
);
CREATE INDEX IX_KB_ARTICLE_LINK_ARTICLE ON KB_ARTICLE_LINK (ARTICLE_ID);
