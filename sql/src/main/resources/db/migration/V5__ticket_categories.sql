-- Reference data: the ticket category tree per type. Administrators extend it; ids below 1000
-- are reserved for reference data (sequences start at 1000).

INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (1,  'INQ',            'INQUIRY',          '查询',         'Inquiry',                  NULL);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (2,  'INQ-BALANCE',    'INQUIRY',          '账户余额查询', 'Account balance',          1);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (3,  'INQ-TXN',        'INQUIRY',          '交易明细查询', 'Transaction history',      1);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (4,  'INQ-CARD',       'INQUIRY',          '信用卡账单查询', 'Credit card statement',  1);

INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (10, 'CON',            'CONSULTATION',     '咨询',         'Consultation',             NULL);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (11, 'CON-DEPOSIT',    'CONSULTATION',     '存款产品咨询', 'Deposit products',         10);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (12, 'CON-LOAN',       'CONSULTATION',     '贷款咨询',     'Loans',                    10);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (13, 'CON-WEALTH',     'CONSULTATION',     '理财产品咨询', 'Wealth management',        10);

INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (20, 'BIZ',            'BUSINESS_REQUEST', '业务受理',     'Business request',         NULL);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (21, 'BIZ-CARD-LOSS',  'BUSINESS_REQUEST', '挂失补卡',     'Card loss and replacement', 20);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (22, 'BIZ-LIMIT',      'BUSINESS_REQUEST', '额度调整',     'Credit limit change',      20);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (23, 'BIZ-INFO',       'BUSINESS_REQUEST', '客户信息变更', 'Customer data change',     20);

INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (30, 'CMP',            'COMPLAINT',        '投诉',         'Complaint',                NULL);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (31, 'CMP-SERVICE',    'COMPLAINT',        '服务态度投诉', 'Service attitude',         30);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (32, 'CMP-FEE',        'COMPLAINT',        '收费争议',     'Fee dispute',              30);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (33, 'CMP-WAIT',       'COMPLAINT',        '排队等候时间', 'Waiting time',             30);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (34, 'CMP-CARD',       'COMPLAINT',        '信用卡业务投诉', 'Credit card business',   30);

INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (40, 'SUG',            'SUGGESTION',       '建议',         'Suggestion',               NULL);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (41, 'SUG-SERVICE',    'SUGGESTION',       '服务改进建议', 'Service improvement',      40);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (42, 'SUG-PRODUCT',    'SUGGESTION',       '产品建议',     'Product',                  40);

INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (50, 'FLT',            'FAULT_REPORT',     '故障报修',     'Fault report',             NULL);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (51, 'FLT-ATM',        'FAULT_REPORT',     'ATM故障',      'ATM fault',                50);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (52, 'FLT-MOBILE',     'FAULT_REPORT',     '手机银行故障', 'Mobile banking fault',     50);
INSERT INTO TICKET_CATEGORY (ID, CODE, TICKET_TYPE, NAME, NAME_EN, PARENT_ID) VALUES (53, 'FLT-POS',        'FAULT_REPORT',     'POS机故障',    'POS terminal fault',       50);
