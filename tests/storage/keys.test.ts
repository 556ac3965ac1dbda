import { describe, expect, it } from 'vitest';
import { isBriefcastError } from '../../src/core/errors.js';
import { publicKeys, workKeys } from '../../src/storage/keys.js';

function rejects(build: () => string): boolean {
  try {
    build();
    return false;
  } catch (error) {
    return isBriefcastError(error);
  }
}

describe('storage keys', () => {
  it('lays out the per-show work files beside the show record', () => {
    expect(workKeys.show('daily')).toBe('shows/daily/show.json');
    expect(workKeys.showAssets('daily')).toBe('shows/daily/assets.json');
    expect(workKeys.usedStories('daily')).toBe('shows/daily/used-stories.json');
    expect(workKeys.unpublished('daily', '2026-01-02')).toBe('shows/daily/unpublished/2026-01-02.json');
    expect(workKeys.unpublished('daily', 'e1').startsWith(workKeys.unpublishedPrefix('daily'))).toBe(true);
    expect(workKeys.webhookDelivery('daily', 'd-1')).toBe('shows/daily/webhooks/d-1.json');
    expect(workKeys.webhookDelivery('daily', 'd-1').startsWith(workKeys.webhookDeliveriesPrefix('daily'))).toBe(true);
  });

  it('names the public show files', () => {
    expect(publicKeys.feed('daily')).toBe('shows/daily/feed.xml');
    expect(publicKeys.flashFeed('daily')).toBe('shows/daily/alexa.json');
    expect(publicKeys.artwork('daily', 'abc123', 'png')).toBe('shows/daily/artwork-abc123.png');
    expect(publicKeys.underShows('daily/episodes/e1/episode.mp3')).toBe('shows/daily/episodes/e1/episode.mp3');
  });

  it('finds show ids in a listing of the shows prefix, and nothing else', () => {
    const listing = ['shows/a/show.json', 'shows/a/assets.json', 'shows/a/episodes/e1/episode.json', 'shows/b-2/show.json', 'shows/show.json'];
    expect(listing.filter((key) => key.startsWith(workKeys.showsPrefix)).map(workKeys.showIdOf)).toEqual(['a', null, null, 'b-2', null]);
  });

  it('refuses ids and paths that would leave their folder', () => {
    expect(rejects(() => workKeys.showAssets('../other'))).toBe(true);
    expect(rejects(() => workKeys.usedStories(''))).toBe(true);
    expect(rejects(() => workKeys.unpublished('daily', '../../x'))).toBe(true);
    expect(rejects(() => workKeys.unpublishedPrefix('a/b'))).toBe(true);
    expect(rejects(() => workKeys.webhookDelivery('daily', 'x/../../y'))).toBe(true);
    expect(rejects(() => publicKeys.flashFeed('.hidden'))).toBe(true);
    expect(rejects(() => publicKeys.artwork('daily', '../x', 'jpg'))).toBe(true);
    expect(rejects(() => publicKeys.underShows('../work/shows/a/show.json'))).toBe(true);
    expect(rejects(() => publicKeys.underShows('a//b'))).toBe(true);
  });
});
