-- Bulk load of the generated CSVs into the H2 file database (schema created by the app's Flyway migrations).
-- ${DIR} is replaced by run.sh with the folder of the CSV files.
SET REFERENTIAL_INTEGRITY FALSE;
INSERT INTO outlet (id, slug, name, website_url, country, language, created_at, updated_at, version)
  SELECT * FROM CSVREAD('${DIR}/outlet.csv', NULL, 'charset=UTF-8');
INSERT INTO topic (id, slug, name, description, created_at, updated_at, version)
  SELECT * FROM CSVREAD('${DIR}/topic.csv', NULL, 'charset=UTF-8');
INSERT INTO issue (id, slug, title, published_on, intro, status, created_at, updated_at, version)
  SELECT * FROM CSVREAD('${DIR}/issue.csv', NULL, 'charset=UTF-8');
-- The copies of the issue's status and date that lists and feeds read (V3__article_list_keys.sql) are columns of
-- article.csv (gen.py writes the issue's: every generated issue is published).
INSERT INTO article (id, slug, issue_id, position, headline, outlet_id, published_on, author, original_url, summary,
                     created_at, updated_at, version, issue_published, issue_published_on)
  SELECT * FROM CSVREAD('${DIR}/article.csv', NULL, 'charset=UTF-8');
-- Each topic link carries its article's list keys (V14__topic_and_outlet_list_keys.sql), taken from the article.
INSERT INTO article_topic (article_id, topic_id, issue_published, published_on)
  SELECT c.article_id, c.topic_id, a.issue_published, a.published_on
  FROM CSVREAD('${DIR}/article_topic.csv', NULL, 'charset=UTF-8') c
  JOIN article a ON a.id = CAST(c.article_id AS BIGINT);
INSERT INTO article_quote (article_id, position, text, attribution)
  SELECT * FROM CSVREAD('${DIR}/article_quote.csv', NULL, 'charset=UTF-8');
SET REFERENTIAL_INTEGRITY TRUE;
-- Move the sequences past the generated ids (Hibernate's pooled optimizer hands out blocks of 50).
ALTER SEQUENCE outlet_seq RESTART WITH ${OUTLET_SEQ};
ALTER SEQUENCE topic_seq RESTART WITH ${TOPIC_SEQ};
ALTER SEQUENCE issue_seq RESTART WITH ${ISSUE_SEQ};
ALTER SEQUENCE article_seq RESTART WITH ${ARTICLE_SEQ};
ANALYZE;
