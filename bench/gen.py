#!/usr/bin/env python3
"""Deterministic synthetic archive for the Digest API benchmark.

Writes CSV files (outlet, topic, issue, article, article_topic, article_quote) into OUT_DIR, ready for H2's
CSVREAD (see load.sql). Same seed and N give byte-identical files.

usage: gen.py OUT_DIR [--articles N] [--seed S]
  N articles (default 100000) in weekly PUBLISHED issues of 50, 300 outlets, 60 topics,
  1-4 topics and 0-2 quotes per article; headline 40-110 chars, summary 250-700 chars, quotes 60-240 chars.
"""
import argparse, csv, datetime, os, random

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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
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

    def w(name, header, rows):
        with open(os.path.join(args.out, name + ".csv"), "w", newline="", encoding="utf-8") as f:
            c = csv.writer(f, lineterminator="\n")
            c.writerow(header)
            c.writerows(rows)

    outlets = [(i, f"outlet-{i}", f"Outlet {i} {rnd.choice(WORDS).title()}", f"https://outlet{i}.example.com",
                rnd.choice(COUNTRIES), rnd.choice(LANGS), TS, TS, 0) for i in range(1, 301)]
    w("outlet", ["ID", "SLUG", "NAME", "WEBSITE_URL", "COUNTRY", "LANGUAGE", "CREATED_AT", "UPDATED_AT", "VERSION"], outlets)
    topics = [(i, f"topic-{i}", f"Topic {i}", f"Synthetic topic number {i}.", TS, TS, 0) for i in range(1, 61)]
    w("topic", ["ID", "SLUG", "NAME", "DESCRIPTION", "CREATED_AT", "UPDATED_AT", "VERSION"], topics)

    n_issues = (args.articles + 49) // 50
    issues, articles, art_topics, quotes = [], [], [], []
    aid = 0
    # Topic popularity is skewed (a few topics are common), like a real archive.
    topic_weights = [1.0 / (1 + i * 0.15) for i in range(60)]
    for k in range(n_issues):
        iid = k + 1
        day = START + datetime.timedelta(weeks=k)
        issues.append((iid, f"foreign-media-digest-{day.isoformat()}", "Foreign media digest", day.isoformat(),
                       text(150, 400), "PUBLISHED", TS, TS, 0))
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
                art_topics.append((aid, t))
            quote_texts = []
            for q in range(rnd.randint(0, 2)):
                quote_texts.append(text(60, 240))
                quotes.append((aid, q, quote_texts[-1], text(10, 40) if rnd.random() < 0.7 else None))
            articles.append((aid, f"a{aid}-" + "-".join(headline.lower().split()[:6]), iid, pos, headline,
                             outlet, pub.isoformat(), author, url, summary, TS, TS, 0))
    w("issue", ["ID", "SLUG", "TITLE", "PUBLISHED_ON", "INTRO", "STATUS", "CREATED_AT", "UPDATED_AT", "VERSION"], issues)
    w("article", ["ID", "SLUG", "ISSUE_ID", "POSITION", "HEADLINE", "OUTLET_ID", "PUBLISHED_ON", "AUTHOR", "ORIGINAL_URL",
                  "SUMMARY", "CREATED_AT", "UPDATED_AT", "VERSION"], articles)
    w("article_topic", ["ARTICLE_ID", "TOPIC_ID"], art_topics)
    w("article_quote", ["ARTICLE_ID", "POSITION", "TEXT", "ATTRIBUTION"], quotes)
    print(f"articles={aid} issues={n_issues} article_topics={len(art_topics)} quotes={len(quotes)}")


if __name__ == "__main__":
    main()
