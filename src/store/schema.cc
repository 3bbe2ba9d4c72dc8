#include "store/schema.h"

namespace ceasewatch {
namespace {

// The code point of the UTF-8 sequence at s[i], and its length in *len
// (a stray byte counts as one character, as its own value).
uint32_t CodePointAt(std::string_view s, size_t i, size_t* len) {
  const auto b = static_cast<unsigned char>(s[i]);
  size_t n = b < 0x80         ? 1
             : (b >> 5) == 6  ? 2
             : (b >> 4) == 14 ? 3
             : (b >> 3) == 30 ? 4
                              : 1;
  if (i + n > s.size()) n = 1;
  uint32_t cp = n == 1 ? b : b & (0x7F >> n);
  for (size_t k = 1; k < n; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

}  // namespace

int64_t IncidentTypeCode(std::string_view type) {
  int64_t chars = 0;
  uint32_t first = 0, last = 0;
  for (size_t i = 0, len = 0; i < type.size(); i += len) {
    last = CodePointAt(type, i, &len);
    if (chars++ == 0) first = last;
  }
  return (chars % 256) * 65536 + (first % 256) * 256 + (last % 256);
}

const std::vector<std::string>& SchemaMigrations() {
  static const auto* migrations = new std::vector<std::string>{
      // 1: documents, articles, near-duplicate index, full-text search.
      R"sql(
CREATE TABLE documents (
  id            INTEGER PRIMARY KEY,
  path          TEXT NOT NULL,
  locator       TEXT NOT NULL DEFAULT '',
  format        TEXT NOT NULL,
  url           TEXT,
  fetched_at    TEXT,
  content_hash  TEXT NOT NULL UNIQUE,
  raw           BLOB NOT NULL,
  envelope      BLOB,
  body          TEXT,
  charset       TEXT,
  site          TEXT,
  ingested_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE TABLE chrome_lines (
  document_id   INTEGER NOT NULL REFERENCES documents(id),
  raw_begin     INTEGER NOT NULL,
  raw_end       INTEGER NOT NULL,
  reason        TEXT NOT NULL
);
CREATE INDEX chrome_lines_document ON chrome_lines(document_id);
CREATE TABLE articles (
  id                   INTEGER PRIMARY KEY,
  document_id          INTEGER NOT NULL REFERENCES documents(id),
  ordinal              INTEGER NOT NULL,
  source_id            TEXT,
  url                  TEXT,
  title                TEXT,
  author               TEXT,
  outlet               TEXT,
  published            TEXT,
  published_precision  TEXT,
  published_reason     TEXT,
  language             TEXT,
  language_reliable    INTEGER NOT NULL DEFAULT 0,
  text                 TEXT NOT NULL,
  raw_begin            INTEGER NOT NULL,
  raw_end              INTEGER NOT NULL,
  text_hash            TEXT NOT NULL,
  duplicate_of         INTEGER REFERENCES articles(id),
  similarity           REAL,
  UNIQUE (document_id, ordinal)
);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE paragraphs (
  article_id  INTEGER NOT NULL REFERENCES articles(id),
  ordinal     INTEGER NOT NULL,
  raw_begin   INTEGER NOT NULL,
  raw_end     INTEGER NOT NULL,
  PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE minhash (
  article_id  INTEGER PRIMARY KEY REFERENCES articles(id),
  shingles    INTEGER NOT NULL,
  signature   BLOB NOT NULL
);
CREATE TABLE lsh_bands (
  band_key    INTEGER NOT NULL,
  article_id  INTEGER NOT NULL,
  PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE TABLE site_lines (
  site        TEXT NOT NULL,
  line_hash   INTEGER NOT NULL,
  documents   INTEGER NOT NULL,
  PRIMARY KEY (site, line_hash)
) WITHOUT ROWID;
CREATE TABLE sites (
  site        TEXT PRIMARY KEY,
  documents   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE rejects (
  id          INTEGER PRIMARY KEY,
  path        TEXT NOT NULL,
  locator     TEXT NOT NULL DEFAULT '',
  reason      TEXT NOT NULL,
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);
)sql",
      // 2: watermarks of the derived indexes (LSH bands, FTS), which are
      // written in batches after the documents they index.
      R"sql(
CREATE TABLE index_state (
  name     TEXT PRIMARY KEY,
  through  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO index_state VALUES ('lsh', 0), ('fts', 0);
UPDATE index_state SET through = (SELECT coalesce(max(id), 0) FROM articles);
)sql",
      // 3: event reports (include/ceasewatch/events.h), one row per report
      // and one per place, actor and claim. Optional text is NULL when
      // empty; a count is NULL when unknown, its high end also when
      // open-ended. Offsets are bytes into articles.text.
      R"sql(
CREATE TABLE events (
  id                    INTEGER PRIMARY KEY,
  article_id            INTEGER NOT NULL REFERENCES articles(id),
  ordinal               INTEGER NOT NULL,
  type                  TEXT NOT NULL,
  acled_event_type      TEXT,
  acled_sub_event_type  TEXT,
  date                  TEXT,
  date_end              TEXT,
  date_precision        TEXT,
  date_source           TEXT,
  date_text             TEXT,
  background            INTEGER NOT NULL DEFAULT 0,
  fatalities_low        REAL,
  fatalities_high       REAL,
  injured_low           REAL,
  injured_high          REAL,
  cue                   TEXT,
  cue_begin             INTEGER NOT NULL,
  cue_end               INTEGER NOT NULL,
  sentence_begin        INTEGER NOT NULL,
  sentence_end          INTEGER NOT NULL,
  extractor_version     TEXT NOT NULL
);
CREATE UNIQUE INDEX events_article ON events(article_id, ordinal);
CREATE INDEX events_date ON events(date, date_end);
CREATE INDEX events_type ON events(type);
CREATE TABLE event_places (
  event_id       INTEGER NOT NULL REFERENCES events(id),
  ordinal        INTEGER NOT NULL,
  place_id       TEXT,
  name           TEXT,
  mention        TEXT,
  lat            REAL NOT NULL,
  lon            REAL NOT NULL,
  country        TEXT,
  admin1         TEXT,
  admin2         TEXT,
  kind           TEXT,
  geo_precision  INTEGER NOT NULL,
  mention_begin  INTEGER NOT NULL,
  mention_end    INTEGER NOT NULL,
  PRIMARY KEY (event_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE event_actors (
  event_id       INTEGER NOT NULL REFERENCES events(id),
  ordinal        INTEGER NOT NULL,
  actor_id       TEXT,
  name           TEXT,
  mention        TEXT,
  side           TEXT,
  affiliation    TEXT,
  kind           TEXT,
  role           TEXT,
  mention_begin  INTEGER NOT NULL,
  mention_end    INTEGER NOT NULL,
  PRIMARY KEY (event_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE event_claims (
  event_id         INTEGER NOT NULL REFERENCES events(id),
  ordinal          INTEGER NOT NULL,
  source_name      TEXT,
  source_id        TEXT,
  source_side      TEXT,
  source_kind      TEXT,
  stance           TEXT,
  verb             TEXT,
  text             TEXT,
  statement_begin  INTEGER NOT NULL,
  statement_end    INTEGER NOT NULL,
  PRIMARY KEY (event_id, ordinal)
) WITHOUT ROWID;
)sql",
      // 4: incidents (include/ceasewatch/incidents.h): reports fused across
      // articles. Each report points at its incident; an incident keeps
      // what its members say together, its distinct sources and, when it
      // is dated, an R*Tree entry (days since 1970, degrees) so that
      // fusing a new report reads only nearby candidates. Undated
      // incidents are not indexed; unplaced ones sit at lat/lon 999.
      // `stale`: a member report was replaced; the summary is recomputed
      // from the remaining members before the next fusion.
      R"sql(
CREATE TABLE incidents (
  id                    INTEGER PRIMARY KEY,
  type                  TEXT NOT NULL,
  acled_event_type      TEXT,
  acled_sub_event_type  TEXT,
  date                  TEXT,
  date_end              TEXT,
  date_precision        TEXT,
  date_source           TEXT,
  background            INTEGER NOT NULL DEFAULT 0,
  sides                 TEXT,
  fatalities_low        REAL,
  fatalities_high       REAL,
  injured_low           REAL,
  injured_high          REAL,
  reports               INTEGER NOT NULL DEFAULT 0,
  sources               INTEGER NOT NULL DEFAULT 0,
  stale                 INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incidents_stale ON incidents(stale) WHERE stale != 0;
CREATE TABLE incident_places (
  incident_id    INTEGER NOT NULL REFERENCES incidents(id),
  ordinal        INTEGER NOT NULL,
  place_id       TEXT,
  name           TEXT,
  lat            REAL NOT NULL,
  lon            REAL NOT NULL,
  country        TEXT,
  admin1         TEXT,
  admin2         TEXT,
  kind           TEXT,
  geo_precision  INTEGER NOT NULL,
  PRIMARY KEY (incident_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE incident_sources (
  incident_id  INTEGER NOT NULL REFERENCES incidents(id),
  source_key   TEXT NOT NULL,
  PRIMARY KEY (incident_id, source_key)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE incident_index USING rtree(
  id, day_lo, day_hi, lat_lo, lat_hi, lon_lo, lon_hi
);
ALTER TABLE events ADD COLUMN incident_id INTEGER REFERENCES incidents(id);
CREATE INDEX events_incident ON events(incident_id);
)sql",
      // 5: the incidents' R*Tree gains the type as a dimension (a code,
      // see kIncidentTypeCodeSql), as incident_boxes: a new report asks only
      // for incidents of the types it may join, so the candidates stay few
      // however many incidents share its days (before, every incident of
      // those days was a candidate when the report had no place). The old
      // incident_index is emptied, not dropped: SQLite refuses to drop an
      // R*Tree the same connection has read ("database table is locked").
      std::string(R"sql(
CREATE VIRTUAL TABLE incident_boxes USING rtree(
  id, day_lo, day_hi, lat_lo, lat_hi, lon_lo, lon_hi, type_lo, type_hi
);
INSERT INTO incident_boxes
  SELECT x.id, x.day_lo, x.day_hi, x.lat_lo, x.lat_hi, x.lon_lo, x.lon_hi,
         c.code, c.code + 0.5
  FROM incident_index x JOIN (SELECT id, )sql") +
          kIncidentTypeCodeSql + R"sql( AS code FROM incidents) c
  ON c.id = x.id;
DELETE FROM incident_index;
)sql",
  };
  return *migrations;
}

}  // namespace ceasewatch
