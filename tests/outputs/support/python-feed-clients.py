"""Reads a podcast feed file with gPodder's podcastparser and Python's feedparser; prints what each saw as JSON."""
import json
import sys
import time

import feedparser
import podcastparser

path, url = sys.argv[1], sys.argv[2]
with open(path, 'rb') as stream:
    gpodder = podcastparser.parse(url, stream)
parsed = feedparser.parse(path)


def stamp(struct):
    return None if struct is None else time.strftime('%Y-%m-%dT%H:%M:%SZ', struct)


print(json.dumps({
    'podcastparser': gpodder,
    'feedparser': {
        'bozo': bool(parsed.bozo),
        'bozo_exception': str(parsed.get('bozo_exception', '')),
        'version': parsed.version,
        'title': parsed.feed.get('title'),
        'explicit': parsed.feed.get('itunes_explicit'),
        'image': (parsed.feed.get('image') or {}).get('href'),
        'self': [link.get('href') for link in parsed.feed.get('links', []) if link.get('rel') == 'self'],
        'entries': [
            {
                'title': entry.get('title'),
                'id': entry.get('id'),
                'published': stamp(entry.get('published_parsed')),
                'published_raw': entry.get('published'),
                'explicit': entry.get('itunes_explicit'),
                'enclosures': [{'href': e.get('href'), 'type': e.get('type'), 'length': e.get('length')} for e in entry.get('enclosures', [])],
                'image': (entry.get('image') or {}).get('href'),
            }
            for entry in parsed.entries
        ],
    },
}))
