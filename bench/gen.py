#!/usr/bin/env python3
"""Deterministic synthetic archive for the Digest API benchmark.

Writes CSV files (outlet, topic, issue, article, article_topic, article_quote) into OUT_DIR, ready for H2's
CSVREAD (load.sql) and PostgreSQL's COPY (load-pg.sql), and meta.json (counts per topic and outlet, the date and
updated_at spans) for the varied-URL mode. Rows are written as they are generated, so memory stays flat at any N.
Same seed and N give byte-identical files.

usage: gen.py OUT_DIR [--articles N] [--seed S]
  N articles (default 100000) in weekly PUBLISHED issues of 50, 300 outlets, 60 topics,
  1-4 topics and 0-2 quotes per article; headline 40-110 chars, summary 250-700 chars, quotes 60-240 chars.
  Articles and issues are created on their issue's day; 30 % of articles were updated 1 hour to 60 days later.
"""
import argparse, csv, datetime, json, os, random

WORDS = """kazakhstan astana almaty central asia europe china russia turkey trade energy nuclear uranium oil gas pipeline
railway corridor caspian investment reform election parliament president minister economy growth inflation tenge bank
agreement cooperation summit forum delegation partnership export import logistics transit port digital startup hub
technology education university water climate drought steppe wheat grain agriculture mining copper rare earth metals
tourism visa airline culture heritage nomad festival sport football diplomacy sanctions security border region policy
market stock bond fund infrastructure road bridge power plant solar wind hydrogen green transition carbon emissions
the of and in to for with on by as at from new plans says report analysis interview expert official government
international foreign local regional national global strategic historic record major first largest key talks deal
signs launches opens expands announces considers approves rejects boosts cuts rises falls hosts visits meets""".split()
COUNTRIES = ["US", "GB", "DE", "FR", "JP", "CN", "RU", "TR", "KZ", "IN", "IT", "ES", "KR", "AE", "BE"]
LANGS = ["en", "en", "en", "de", "fr", "ja", "zh", "ru", "tr"]
START = datetime.date(1988, 1, 2)  # a Saturday; issues are weekly from here
TS = "2025-01-01 00:00:00+00"
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def ts(moment):
    return moment.strftime("%Y-%m-%d %H:%M:%S+00")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    # Timestamps have their own random sequence, so the content is the same as before they were varied.
    trnd = random.Random(args.seed + 1)
    os.makedirs(args.out, exist_ok=True)
    # One long deterministic word stream; texts are random slices of it (fast, realistic lengths).
    stream = [rnd.choice(WORDS) for _ in range(400_000)]

    def text(lo, hi):
        n_chars = rnd.randint(lo, hi)
        start = rnd.randrange(len(stream) - 400)
        out, size, i = [], 0, start
        while size < n_chars:
            out.append(stream[i]); size += len(stream[i]) + 1; i += 1
        s = " ".join(out)[:n_chars].rstrip()
        return s[0].upper() + s[1:]

    files = []

    def writer(name, header):
        f = open(os.path.join(args.out, name + ".csv"), "w", newline="", encoding="utf-8", buffering=1 << 20)
        files.append(f)
        c = csv.writer(f, lineterminator="\n")
        c.writerow(header)
        return c

    outlets = [(i, f"outlet-{i}", f"Outlet {i} {rnd.choice(WORDS).title()}", f"https://outlet{i}.example.com",
                rnd.choice(COUNTRIES), rnd.choice(LANGS), TS, TS, 0) for i in range(1, 301)]
    writer("outlet", ["ID", "SLUG", "NAME", "WEBSITE_URL", "COUNTRY", "LANGUAGE", "CREATED_AT", "UPDATED_AT", "VERSION"]).writerows(outlets)
    topics = [(i, f"topic-{i}", f"Topic {i}", f"Synthetic topic number {i}.", TS, TS, 0) for i in range(1, 61)]
    writer("topic", ["ID", "SLUG", "NAME", "DESCRIPTION", "CREATED_AT", "UPDATED_AT", "VERSION"]).writerows(topics)

    issue_w = writer("issue", ["ID", "SLUG", "TITLE", "PUBLISHED_ON", "INTRO", "STATUS", "CREATED_AT", "UPDATED_AT", "VERSION"])
    article_w = writer("article", ["ID", "SLUG", "ISSUE_ID", "POSITION", "HEADLINE", "OUTLET_ID", "PUBLISHED_ON", "AUTHOR",
                                   "ORIGINAL_URL", "SUMMARY", "CREATED_AT", "UPDATED_AT", "VERSION", "ISSUE_PUBLISHED",
                                   "ISSUE_PUBLISHED_ON"])
    topic_w = writer("article_topic", ["ARTICLE_ID", "TOPIC_ID"])
    quote_w = writer("article_quote", ["ARTICLE_ID", "POSITION", "TEXT", "ATTRIBUTION"])

    n_issues = (args.articles + 49) // 50
    aid = n_topics = n_quotes = 0
    per_topic, per_outlet = [0] * 61, [0] * 301
    updated_min = updated_max = None
    # Topic popularity is skewed (a few topics are common), like a real archive.
    topic_weights = [1.0 / (1 + i * 0.15) for i in range(60)]
    for k in range(n_issues):
        iid = k + 1
        day = START + datetime.timedelta(weeks=k)
        created = datetime.datetime(day.year, day.month, day.day, 6, tzinfo=datetime.timezone.utc)
        issue_w.writerow((iid, f"foreign-media-digest-{day.isoformat()}", "Foreign media digest", day.isoformat(),
                          text(150, 400), "PUBLISHED", ts(created), ts(created), 0))
        for pos in range(1, 51):
            if aid >= args.articles:
                break
            aid += 1
            headline = text(40, 110)
            pub = day - datetime.timedelta(days=rnd.randint(0, 6))
            author = text(8, 24).title() if rnd.random() < 0.6 else None
            url = f"https://outlet{rnd.randint(1, 300)}.example.com/{pub.year}/{aid}" if rnd.random() < 0.8 else None
            outlet = rnd.randint(1, 300)
            summary = text(250, 700)
            for t in sorted(set(rnd.choices(range(1, 61), weights=topic_weights, k=rnd.randint(1, 4)))):
                topic_w.writerow((aid, t))
                per_topic[t] += 1
                n_topics += 1
            for q in range(rnd.randint(0, 2)):
                quote_w.writerow((aid, q, text(60, 240), text(10, 40) if rnd.random() < 0.7 else None))
                n_quotes += 1
            a_created = created + datetime.timedelta(minutes=pos)
            a_updated = a_created + datetime.timedelta(seconds=trnd.randint(3600, 60 * 86400)) if trnd.random() < 0.3 else a_created
            updated_min = a_updated if updated_min is None else min(updated_min, a_updated)
            updated_max = a_updated if updated_max is None else max(updated_max, a_updated)
            per_outlet[outlet] += 1
            article_w.writerow((aid, f"a{aid}-" + "-".join(headline.lower().split()[:6]), iid, pos, headline,
                                outlet, pub.isoformat(), author, url, summary, ts(a_created), ts(a_updated), 0,
                                "TRUE", day.isoformat()))
    for f in files:
        f.close()
    last = START + datetime.timedelta(weeks=n_issues - 1)
    with open(os.path.join(args.out, "meta.json"), "w") as f:
        json.dump({"articles": aid, "issues": n_issues, "first_day": (START - datetime.timedelta(days=6)).isoformat(),
                   "last_day": last.isoformat(), "words": WORDS,
                   "updated_min": int((updated_min - EPOCH).total_seconds()),
                   "updated_max": int((updated_max - EPOCH).total_seconds()),
                   "topics": {f"topic-{t}": per_topic[t] for t in range(1, 61)},
                   "outlets": {f"outlet-{o}": per_outlet[o] for o in range(1, 301)}}, f)
    print(f"articles={aid} issues={n_issues} article_topics={n_topics} quotes={n_quotes}")


if __name__ == "__main__":
    main()
